using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Grader.Microbench -- --filter '*'   (or '*Conv*', '*Answer*')
BenchmarkSwitcher.FromAssembly(typeof(Grader.Microbench.ConvBenchmarks).Assembly).Run(args);
