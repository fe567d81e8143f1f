using System.Diagnostics;

namespace Extractor.Tests.Reliability;

/// <summary>
/// A bash script run as a user would type it, with <c>$X</c> standing for the built <c>extractor</c> and
/// <c>$SAMPLES</c> for the sample articles: for what only a shell shows, such as redirections that several
/// commands share (<c>{ echo a; $X …; } &gt; out</c>) or descriptors closed with <c>&gt;&amp;-</c>.
/// </summary>
internal static class ShellScript
{
    /// <summary>Runs <paramref name="script"/> in <paramref name="folder"/>; returns its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, string folder)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["X"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "extractor.dll");
        info.Environment["SAMPLES"] = Path.Combine(AppContext.BaseDirectory, "samples");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ExtractorProcess.Patience * 2))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the script did not finish in time: {script}");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Whether this machine lets the tests make a private mount namespace with a small tmpfs (root with unshare), to fill a disk without touching the machine's own.</summary>
    public static bool CanMountSmallFileSystems => IsRoot && Run("unshare -m true", Path.GetTempPath()).ExitCode == 0;

    /// <summary>Whether the tests run as root (they may then make device nodes in a temporary folder).</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";
}
