using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Host;

/// <summary>The output format of alsec.</summary>
internal enum OutputFormat
{
    /// <summary>PowerShell's own formatting, with the module's views.</summary>
    Text,

    /// <summary>One JSON array of the output objects.</summary>
    Json,
}

/// <summary>alsec's command line: <c>-Command &lt;script&gt;</c> or <c>-File &lt;path&gt; [args]</c>, <c>-OutputFormat Text|Json</c>, <c>-ModulePath &lt;psd1&gt;</c>.</summary>
internal sealed class HostOptions
{
    public string? Command { get; private set; }

    public string? File { get; private set; }

    public List<string> FileArguments { get; } = [];

    public OutputFormat OutputFormat { get; private set; } = OutputFormat.Text;

    public string? ModulePath { get; private set; }

    public bool ShowHelp { get; private set; }

    public const string Usage = """
        alsec: runs AzureLocalSecurity on the PowerShell engine where pwsh is not installed.

        Usage:
          alsec -Command '<PowerShell>' [-OutputFormat Text|Json] [-ModulePath <AzureLocalSecurity.psd1>]
          alsec -File <script.ps1> [script arguments...] [-OutputFormat Text|Json]

        Output objects go to stdout (Text: PowerShell's formatting and the module's views; Json: one JSON
        array, enums as names). Errors, warnings and verbose messages go to stderr.
        Exit code: 1 after a terminating error, the script's own code after 'exit N', 0 otherwise.
        The module is found from -ModulePath, else ALSEC_MODULE_PATH, else the repository above alsec.
        """;

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var o = new HostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (o.File is not null)
            {
                // Everything after the script path belongs to the script, except alsec's own options.
                if (Is(a, "-OutputFormat", "-o") && i + 1 < args.Count)
                {
                    o.OutputFormat = ParseFormat(args[++i]);
                }
                else
                {
                    o.FileArguments.Add(a);
                }

                continue;
            }

            if (Is(a, "-Command", "-c"))
            {
                o.Command = Next(args, ref i, a);
            }
            else if (Is(a, "-File", "-f"))
            {
                o.File = Next(args, ref i, a);
            }
            else if (Is(a, "-OutputFormat", "-o"))
            {
                o.OutputFormat = ParseFormat(Next(args, ref i, a));
            }
            else if (Is(a, "-ModulePath", "-m"))
            {
                o.ModulePath = Next(args, ref i, a);
            }
            else if (Is(a, "-Help", "-h") || a == "-?" || a == "--help")
            {
                o.ShowHelp = true;
            }
            else if (o.Command is null && !a.StartsWith('-'))
            {
                // Like pwsh: bare words are the command.
                o.Command = string.Join(" ", Rest(args, i));
                break;
            }
            else
            {
                throw new ArgumentException($"Unknown option '{a}'.");
            }
        }

        if (!o.ShowHelp && o.Command is null && o.File is null)
        {
            throw new ArgumentException("Give -Command or -File.");
        }

        if (o.Command is not null && o.File is not null)
        {
            throw new ArgumentException("Give -Command or -File, not both.");
        }

        return o;
    }

    private static bool Is(string arg, string name, string shortName) =>
        string.Equals(arg, name, StringComparison.OrdinalIgnoreCase) || string.Equals(arg, shortName, StringComparison.OrdinalIgnoreCase);

    private static string Next(IReadOnlyList<string> args, ref int i, string name) =>
        i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");

    private static IEnumerable<string> Rest(IReadOnlyList<string> args, int from)
    {
        for (var i = from; i < args.Count; i++)
        {
            yield return args[i];
        }
    }

    private static OutputFormat ParseFormat(string value) =>
        Enum.TryParse<OutputFormat>(value, ignoreCase: true, out var f) && Enum.IsDefined(f)
            ? f
            : throw new ArgumentException($"-OutputFormat must be Text or Json, not '{value}'.");
}
