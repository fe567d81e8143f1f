using System.CommandLine;
using Extractor.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
