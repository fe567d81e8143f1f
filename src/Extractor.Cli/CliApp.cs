using System.CommandLine;
using Extractor.Cli.Commands;

namespace Extractor.Cli;

/// <summary>Builds the command tree and runs it; tests call <see cref="Run"/> with captured writers.</summary>
internal static class CliApp
{
    public static RootCommand Build(StdinProvider stdin)
    {
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the model shipped beside the executable)" };
        var root = new RootCommand("Extractor: people, organizations and countries from news text, with ISO country codes.")
        {
            TrainCommand.Create(),
            EvaluateCommand.Create(model),
            TokenizeCommand.Create(),
            ExtractCommand.Create(model, stdin),
        };
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, StdinProvider? stdin = null)
    {
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return Build(stdin ?? StdinProvider.Console).Parse(args).Invoke(config);
        }
        catch (UserErrorException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
