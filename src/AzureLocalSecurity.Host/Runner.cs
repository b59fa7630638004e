using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzureLocalSecurity.Host;

/// <summary>Runs one command or script on a fresh runspace with the module imported, and returns the process exit code.</summary>
internal sealed class Runner
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public Runner(TextWriter output, TextWriter error)
    {
        _out = output;
        _err = error;
    }

    public int Run(HostOptions options, int width, bool plainText = true)
    {
        // Escape sequences only for a terminal that asked for colour; files, pipes and CI get plain text.
        PSStyle.Instance.OutputRendering = plainText ? OutputRendering.PlainText : OutputRendering.Ansi;
        var host = new AlsecHost(_out, _err, width, plainText);
        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(host, iss);
        runspace.Open();

        var manifest = ModuleLocator.Find(options.ModulePath);
        using (var import = PowerShell.Create())
        {
            import.Runspace = runspace;
            import.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", ActionPreference.Stop);
            try
            {
                import.Invoke();
            }
            catch (RuntimeException ex)
            {
                _err.WriteLine($"alsec: cannot import '{manifest}': {ex.Message}");
                return 1;
            }
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.Streams.Error.DataAdded += (_, e) => WriteError(ps.Streams.Error[e.Index]);
        ps.Streams.Warning.DataAdded += (_, e) => _err.WriteLine("WARNING: " + ps.Streams.Warning[e.Index].Message);
        ps.Streams.Verbose.DataAdded += (_, e) => _err.WriteLine("VERBOSE: " + ps.Streams.Verbose[e.Index].Message);
        ps.Streams.Debug.DataAdded += (_, e) => _err.WriteLine("DEBUG: " + ps.Streams.Debug[e.Index].Message);
        ps.Streams.Information.DataAdded += (_, e) => _out.WriteLine(ps.Streams.Information[e.Index].MessageData);

        if (options.File is not null)
        {
            AddScriptFile(ps, options.File, options.FileArguments);
        }
        else
        {
            // The trap records a terminating error that PowerShell would otherwise let the script run past
            // (a statement-terminating error), so the exit code can say it happened. Same line: line numbers hold.
            ps.AddScript(TerminatingErrorTrap + options.Command);
        }

        try
        {
            if (options.OutputFormat == OutputFormat.Json)
            {
                var results = ps.Invoke();
                _out.WriteLine(JsonOutput.Serialize(results));
            }
            else
            {
                ps.AddCommand("Out-Default");
                ps.Invoke();
            }
        }
        catch (RuntimeException ex)
        {
            WriteError(ex.ErrorRecord);
            return 1;
        }
        catch (ExitException ex)
        {
            return ExitCodeOf(ex.Argument);
        }

        if (host.ExitCode is { } exitCode)
        {
            return exitCode;
        }

        if (runspace.SessionStateProxy.GetVariable(TerminatingErrorVariable) is true)
        {
            return 1;
        }

        // A script file's 'exit N' sets $LASTEXITCODE, as it does for pwsh -File.
        return options.File is not null && runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int fileCode ? fileCode : 0;
    }

    private const string TerminatingErrorVariable = "__AlsecTerminatingError";

    private const string TerminatingErrorTrap = "trap { $global:" + TerminatingErrorVariable + " = $true }; ";

    private static int ExitCodeOf(object? argument) =>
        argument is null ? 0 : LanguagePrimitives.TryConvertTo<int>(argument, out var code) ? code : 1;

    private static void AddScriptFile(PowerShell ps, string file, List<string> args)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The script '{full}' does not exist.", full);
        }

        // Named arguments are splatted from a hashtable, the rest positionally, so the script binds them as pwsh -File would.
        var named = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
        var positional = new List<object>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length > 1 && a[0] == '-' && !double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                var name = a.Substring(1).TrimEnd(':');
                var hasValue = i + 1 < args.Count && !(args[i + 1].Length > 1 && args[i + 1][0] == '-');
                named[name] = hasValue ? args[++i] : true;
            }
            else
            {
                positional.Add(a);
            }
        }

        ps.AddScript(TerminatingErrorTrap + "$__file, $__named, $__positional = $args; & $__file @__positional @__named")
            .AddArgument(full)
            .AddArgument(named)
            .AddArgument(positional.ToArray());
    }

    private void WriteError(ErrorRecord record)
    {
        var command = record.InvocationInfo?.MyCommand?.Name;
        var prefix = string.IsNullOrEmpty(command) ? string.Empty : command + ": ";
        var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
        _err.WriteLine($"{prefix}{message} [{record.FullyQualifiedErrorId}]");
    }
}
