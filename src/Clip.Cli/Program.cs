using Clip.Cli.Commands;

return await CommandRegistry.CreateRootCommand().Parse(args).InvokeAsync();
