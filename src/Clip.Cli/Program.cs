Console.Error.WriteLine("clip: no commands yet");
return 1;
