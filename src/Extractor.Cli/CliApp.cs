using System.CommandLine;
using System.CommandLine.Help;
using Extractor.Cli.Commands;
using Extractor.IO.Output;
using Extractor.IO.StandardStreams;
using Extractor.Models;

namespace Extractor.Cli;

/// <summary>Builds the command tree and runs it; tests call <see cref="Run"/> with captured writers.</summary>
internal static class CliApp
{
    public static RootCommand Build(StdinProvider stdin)
    {
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the model shipped beside the executable)" };
        var root = new RootCommand("Extractor: people, organizations and countries from news text, with ISO country codes.")
        {
            // The command users run first, then the ones that inspect, train and measure.
            ExtractCommand.Create(model, stdin),
            MergeCommand.Create(),
            TokenizeCommand.Create(stdin),
            TrainCommand.Create(),
            EvaluateCommand.Create(model),
            ClustersCommand.Create(),
        };
        var examples = new Dictionary<string, string>
        {
            // One Examples block: the train examples continue the extract ones under the same heading.
            [""] = ExtractCommand.Examples + "\n" + TrainCommand.Examples[(TrainCommand.Examples.IndexOf('\n') + 1)..] + "\n\n" + ExitCodeHelp,
            ["extract"] = ExtractCommand.Examples + "\n\n" + ExitCodeHelp,
            ["train"] = TrainCommand.Examples,
            ["evaluate"] = EvaluateCommand.Examples,
            ["merge"] = MergeCommand.Examples,
            ["tokenize"] = TokenizeCommand.Examples,
            ["clusters"] = ClustersCommand.Examples,
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption) option.Action = new VersionAction();
            if (option is HelpOption { Action: HelpAction help }) option.Action = new HelpWithExamples(help, examples);
        }
        return root;
    }

    private const string ExitCodeHelp = """
        Exit codes:
          0    every input was processed
          1    some inputs failed (each named on stderr; the rest were written), or evaluate fell below --min-f1
          2    usage error: unknown option, bad value, missing path, unusable model file or output target
          3    output could not be written (disk full, I/O error, closed stdout); -o FILE is left as it was
          130  interrupted (Ctrl-C or SIGTERM); records already written are whole, -o FILE is left as it was
        A closed output pipe (`extractor extract big/ | head`) ends the run quietly with 0.
        """;

    /// <summary>System.CommandLine's conversion error for a path option (<c>-o ""</c>) names a .NET type; users get the option and the reason.</summary>
    private static string Plain(string message)
    {
        const string Prefix = "Cannot parse argument '", Middle = "' for option '", Type = "' as expected type 'System.IO.FileInfo";
        int middle = message.IndexOf(Middle, StringComparison.Ordinal), type = message.IndexOf(Type, StringComparison.Ordinal);
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || middle < 0 || type < middle) return message;
        string value = message[Prefix.Length..middle], option = message[(middle + Middle.Length)..type];
        return value.Length == 0 ? $"{option}: an empty file name; give a file name" : $"{option}: '{value}' is not a usable file name";
    }

    /// <summary>Parses and runs <paramref name="args"/>; <paramref name="cancel"/> is signalled on Ctrl-C or SIGTERM (Program.cs owns the signals, so tests can interrupt a run in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, StdinProvider? stdin = null, CancellationToken cancel = default)
    {
        var config = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // Signals arrive through `cancel`; System.CommandLine's own handler would end the process mid-write.
            ProcessTerminationTimeout = null,
        };
        try
        {
            // A script's `extractor --version` needs none of the command tree, whose building (every command's options)
            // is most of the time it takes: #33.
            if (args is ["--version"]) return VersionAction.Write(output);
            var root = Build(stdin ?? StdinProvider.Console);
            if (args.Length > 0 && !args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0]))
            {
                error.WriteLine($"error: unknown command '{args[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})");
                error.WriteLine("Run 'extractor --help' for usage and examples.");
                return ExitCodes.Usage;
            }
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not (HelpWithExamples or VersionAction))
            {
                // Usage errors exit 2 (System.CommandLine's default is 1, which here means "some inputs failed").
                foreach (var e in parse.Errors) error.WriteLine($"error: {Plain(e.Message)}");
                error.WriteLine("Run 'extractor --help' (or 'extractor COMMAND --help') for usage and examples.");
                return ExitCodes.Usage;
            }
            return parse.InvokeAsync(config, cancel).GetAwaiter().GetResult();
        }
        catch (UserErrorException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is ModelFormatException or InvalidDataException or FileNotFoundException or FormatException)
        {
            // A model, lexicon, list or gold file that is missing or not what it should be: the libraries' messages
            // name the file (and line), so they are the whole usage error.
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OutputFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.AtWrite ? ExitCodes.OutputFailed : ExitCodes.Usage;
        }
        catch (OutputClosedException)
        {
            // The reader got what it asked for (`extractor tokenize big.txt | head`).
            return ExitCodes.Success;
        }
        catch (OutputFailedException e)
        {
            error.WriteLine($"error: standard output: {e.Message}");
            return ExitCodes.OutputFailed;
        }
        catch (Exception e) when (Extractor.IO.Sources.MemoryShortage.Caused(e))
        {
            // Outside one document's work, which extract reports as that input's failure: training or clustering more
            // than the memory limit holds, say. One line and exit 3 (nothing was written in full), never a stack trace.
            error.WriteLine($"error: {Extractor.IO.Sources.MemoryShortage.Reason("finish", advice: "give it less input at once, or run it with more memory")}");
            return ExitCodes.OutputFailed;
        }
    }
}
