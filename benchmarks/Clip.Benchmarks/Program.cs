using BenchmarkDotNet.Running;

// Run from the repository root: dotnet run -c Release --project benchmarks/Clip.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Clip.Benchmarks.PreprocessBenchmarks).Assembly).Run(args);
