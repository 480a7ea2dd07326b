using Grader.Worker.Cli;

return await GraderCommandLine.RunAsync(args, Console.Out, Console.Error);
