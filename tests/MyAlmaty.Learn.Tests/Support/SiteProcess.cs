using System.Diagnostics;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>The command line as a user runs it: the host's own executable in a separate process, in <c>folder</c>.</summary>
public static class SiteProcess
{
    public static async Task<(int Exit, string Output)> RunAsync(TempFolder folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MyAlmaty.Learn.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--Site:RootPath={folder.Path}");
        start.ArgumentList.Add($"--Site:ThemesPath={RepoPaths.Themes}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
