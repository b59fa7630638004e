using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Runs a command-line tool where it is the only interface (CiTool): no shell, the arguments as a list, standard input
/// closed, standard output and error read at the same time (so a full pipe never stalls the tool) and bounded, a timeout
/// after which the tool is stopped. Throws only what starting the process throws (<see cref="System.ComponentModel.Win32Exception"/>:
/// no such file, access denied).
/// </summary>
internal static class ToolRunner
{
    /// <summary>How long the streams are waited for after the tool ended or was stopped.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    internal static ToolRun Run(string path, IReadOnlyList<string> arguments, TimeSpan timeout, int maxOutputBytes, int maxErrorBytes)
    {
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
#if NET5_0_OR_GREATER
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
#else
        // .NET Framework has no argument list: each argument is quoted as CommandLineToArgvW reads it back.
        info.Arguments = string.Join(" ", arguments.Select(Quote));
#endif

        using var process = new Process { StartInfo = info };
        process.Start();
        process.StandardInput.Close();
        var output = Task.Run(() => ReadBounded(process.StandardOutput.BaseStream, maxOutputBytes));
        var error = Task.Run(() => ReadBounded(process.StandardError.BaseStream, maxErrorBytes));
        var run = new ToolRun { Path = path, Arguments = arguments.ToArray() };
        if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
        {
            run.TimedOut = true;
            try
            {
#if NET5_0_OR_GREATER
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
            }
            catch (InvalidOperationException)
            {
                // It ended between the wait and the kill.
            }

            _ = process.WaitForExit((int)DrainTimeout.TotalMilliseconds);
        }

        _ = Task.WaitAll([output, error], DrainTimeout);
        if (process.HasExited)
        {
            run.ExitCode = process.ExitCode;
        }

        if (output.IsCompleted && !output.IsFaulted)
        {
            (run.StandardOutput, run.OutputTruncated) = output.Result;
        }

        if (error.IsCompleted && !error.IsFaulted)
        {
            run.StandardError = error.Result.Data;
        }

        return run;
    }

    /// <summary>Reads a stream to its end, keeping at most <paramref name="max"/> bytes and passing over the rest.</summary>
    private static (byte[] Data, bool Truncated) ReadBounded(Stream stream, int max)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var truncated = false;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var room = (int)Math.Min(n, max - kept.Length);
            if (room > 0)
            {
                kept.Write(buffer, 0, room);
            }

            truncated |= room < n;
        }

        return (kept.ToArray(), truncated);
    }

#if !NET5_0_OR_GREATER
    /// <summary>An argument as the Microsoft C runtime and CommandLineToArgvW parse it: quoted when it has a space, tab or quote, backslashes before a quote doubled.</summary>
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"']) < 0)
        {
            return argument;
        }

        var quoted = new System.Text.StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
#endif
}
