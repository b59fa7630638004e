using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

/// <summary>
/// The capture script sent to nodes (Collection/Remote/Capture.ps1) only reads: every command it runs, every method it
/// calls, every CIM method it invokes and every file it writes, read from its syntax tree (PowerShell's parser).
/// </summary>
public sealed class CaptureScriptReadOnlyTests
{
    private static readonly string ScriptPath = Path.Combine(Repo.Root, "src", "AzureLocalSecurity.Core", "Collection", "Remote", "Capture.ps1");

    [Fact]
    public void Every_command_method_and_write_of_the_capture_script_only_reads()
    {
        var text = File.ReadAllText(ScriptPath);
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), CaptureScript.Text.Replace("\r\n", "\n", StringComparison.Ordinal));

        var check = ReadOnlyScriptCheck.Run(text);

        Assert.True(check.Findings.Count == 0, string.Join(Environment.NewLine, check.Findings));

        // What was looked at: the reading commands, the three tools, the read-only CIM methods; so an empty list of findings
        // is not an empty script.
        Assert.Contains("Get-CimInstance", check.Commands);
        Assert.Contains("Get-WinEvent", check.Commands);
        Assert.Contains("Get-SecureBootUEFI", check.Commands);
        Assert.Contains("auditpol.exe", check.Commands);
        Assert.Contains("secedit.exe", check.Commands);
        Assert.Contains("CiTool.exe", check.Commands);
        Assert.Contains("Invoke-CimMethod", check.Commands);
        Assert.Contains("GetKeyProtectors", check.CimMethods);
        Assert.Contains("IsReady", check.CimMethods);
        Assert.Contains("ReadAllBytes", check.Methods);
        Assert.Contains("Delete", check.Methods);
    }

    [Theory]
    [InlineData("Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\X' -Name Y -Value 1", "Set-ItemProperty")]
    [InlineData("Remove-Item -LiteralPath $p", "Remove-Item")]
    [InlineData("New-ItemProperty -Path 'HKLM:\\SOFTWARE\\X' -Name Y", "New-ItemProperty")]
    [InlineData("Disable-BitLocker -MountPoint C:", "Disable-BitLocker")]
    [InlineData("Invoke-CimMethod -InputObject $v -MethodName ProtectKeyWithNumericalPassword", "Invoke-CimMethod")]
    [InlineData("Invoke-AlsMethod -Instance $v -Method 'DisableKeyProtectors' -Arguments $null -Key ''", "DisableKeyProtectors")]
    [InlineData("foreach ($method in @('IsReady', 'Clear')) { Invoke-AlsMethod -Instance $t -Method $method -Arguments $null -Key '' }", "Clear")]
    [InlineData("$key.SetValue('Y', 1)", "SetValue")]
    [InlineData("$base.OpenSubKey('SOFTWARE\\X', $true)", "OpenSubKey")]
    [InlineData("[Microsoft.Win32.Registry]::LocalMachine.CreateSubKey('SOFTWARE\\X')", "CreateSubKey")]
    [InlineData("[System.IO.File]::WriteAllText('C:\\x.txt', 'x')", "WriteAllText")]
    [InlineData("[System.IO.File]::Delete('C:\\Windows\\System32\\CodeIntegrity\\SiPolicy.p7b')", "Delete")]
    [InlineData("$p = 'x' + $q.$name()", "dynamic")]
    [InlineData("auditpol.exe /set /subcategory:Logon /success:disable", "auditpol.exe")]
    [InlineData("secedit.exe /configure /db x.sdb /cfg x.inf", "secedit.exe")]
    [InlineData("CiTool.exe --remove-policy '{00000000-0000-0000-0000-000000000000}'", "CiTool.exe")]
    [InlineData("reg.exe add HKLM\\SOFTWARE\\X /v Y /d 1", "reg.exe")]
    [InlineData("'x' > C:\\x.txt", "redirect")]
    [InlineData("${C:\\x.txt} = 'x'", "C:")]
    [InlineData("& $name", "dynamic")]
    public void The_check_reports_a_write_added_to_a_script(string line, string named)
    {
        var check = ReadOnlyScriptCheck.Run(line);

        Assert.Contains(check.Findings, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_reports_a_Set_ItemProperty_call_added_to_the_capture_script()
    {
        var text = File.ReadAllText(ScriptPath);
        var changed = text.Replace(
            "$startedAt = Format-AlsTime ([datetime]::UtcNow)",
            "$startedAt = Format-AlsTime ([datetime]::UtcNow)\nSet-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa' -Name LmCompatibilityLevel -Value 1",
            StringComparison.Ordinal);
        Assert.NotEqual(text, changed);

        var check = ReadOnlyScriptCheck.Run(changed);

        var finding = Assert.Single(check.Findings);
        Assert.Contains("Set-ItemProperty", finding, StringComparison.Ordinal);
    }
}

/// <summary>
/// A check, on a script's syntax tree, that the script only reads: commands from an allow-list (and no verb that changes
/// things, but for the exceptions named), the in-box tools with their reading option only, CIM methods that only read,
/// no .NET method that writes (but the deletion of the tools' own temporary file), registry keys opened read-only, and
/// no redirection or variable assignment that writes a file.
/// </summary>
internal sealed class ReadOnlyScriptCheck
{
    /// <summary>Cmdlets the script may run: each only reads, or acts on the script's own objects.</summary>
    private static readonly HashSet<string> ReadingCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "Get-CimInstance", // CIM instances, read
        "Get-WinEvent", // event log records, read
        "Get-SecureBootUEFI", // a UEFI variable, read
        "Get-Item", // a registry key, opened through the registry provider (read)
        "Get-Command", // whether CiTool.exe exists
        "ForEach-Object", // the pipeline over the script's own values
        "Set-StrictMode", // the script's own scope
    };

    /// <summary>Functions the script defines itself; their bodies are in the same tree and checked with it.</summary>
    private static readonly HashSet<string> ScriptFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Format-AlsTime", "Stop-AlsCapture", "ConvertTo-AlsError", "Add-AlsCapture", "ConvertTo-AlsValue", "ConvertTo-AlsProperties",
        "Get-AlsInstances", "Invoke-AlsMethod", "Open-AlsRegistryKey", "Read-AlsRegistryKey", "New-AlsTempPath", "Invoke-AlsTool",
        "Read-AlsFileBytes", "Read-AlsEvents", "ConvertTo-AlsJson",
    };

    /// <summary>Verbs of commands that change things. A command of one of them is a finding, but for the exceptions named.</summary>
    private static readonly string[] ChangingVerbs =
    [
        "Set", "New", "Remove", "Enable", "Disable", "Add", "Clear", "Install", "Uninstall", "Register", "Unregister", "Start", "Stop",
        "Restart", "Suspend", "Resume", "Update", "Rename", "Move", "Copy", "Export", "Out", "Write", "Reset", "Restore", "Grant", "Revoke",
        "Protect", "Unprotect", "Lock", "Unlock", "Backup", "Invoke", "Publish", "Save", "Initialize", "Repair", "Undo", "Mount", "Dismount",
    ];

    /// <summary>Commands of a changing verb that do not change the node, and why.</summary>
    private static readonly Dictionary<string, string> ChangingVerbExceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Set-StrictMode"] = "the script's own scope",
        ["New-AlsTempPath"] = "returns a path string; creates nothing",
        ["Add-AlsCapture"] = "adds to the script's own list",
        ["Stop-AlsCapture"] = "throws an exception to end one capture; stops nothing outside the script",
        ["Invoke-AlsMethod"] = "its -Method is checked against the read-only CIM methods",
        ["Invoke-AlsTool"] = "runs the in-box tools checked below and deletes their temporary file",
        ["Invoke-CimMethod"] = "only inside Invoke-AlsMethod, with the method checked",
    };

    /// <summary>The in-box tools the script may run, each with the one option (its first argument) that only reads.</summary>
    private static readonly Dictionary<string, string> Tools = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auditpol.exe"] = "/backup", // writes the audit policy to a file the script names
        ["secedit.exe"] = "/export", // writes the security policy to a file the script names
        ["CiTool.exe"] = "--list-policies",
    };

    /// <summary>CIM methods that only read: Win32_Tpm's Is* queries and Win32_EncryptableVolume's Get*/Is* state queries.</summary>
    private static readonly HashSet<string> ReadingCimMethods = new(StringComparer.Ordinal)
    {
        "IsActivated", "IsEnabled", "IsOwned", "IsReady", "IsReadyInformation",
        "GetConversionStatus", "GetEncryptionMethod", "GetProtectionStatus", "GetLockStatus", "GetKeyProtectors", "GetKeyProtectorType",
        "IsAutoUnlockEnabled", "GetSuspendCount",
    };

    /// <summary>.NET methods that write: registry, files, folders, processes, WMI.</summary>
    private static readonly HashSet<string> WritingMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "SetValue", "DeleteValue", "DeleteSubKey", "DeleteSubKeyTree", "CreateSubKey", "SetAccessControl", "Flush",
        "WriteAllText", "WriteAllBytes", "WriteAllLines", "AppendAllText", "AppendAllLines", "AppendText", "Create", "CreateText",
        "OpenWrite", "Delete", "Move", "MoveTo", "Copy", "CopyTo", "Encrypt", "Decrypt", "SetAttributes", "SetCreationTime",
        "SetLastWriteTime", "SetLastAccessTime", "CreateDirectory", "SetLength", "Put", "InvokeMethod", "Start", "Kill",
        "SetEnvironmentVariable", "CreateSymbolicLink",
    };

    /// <summary>Variable scopes: an assignment through any other drive (C:, env:, HKLM:) writes outside the script.</summary>
    private static readonly HashSet<string> ScopeDrives = new(StringComparer.OrdinalIgnoreCase) { "global", "script", "local", "private", "variable" };

    private readonly List<string> _findings = [];
    private readonly HashSet<string> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cimMethods = new(StringComparer.Ordinal);

    private ReadOnlyScriptCheck()
    {
    }

    internal IReadOnlyList<string> Findings => _findings;

    internal IReadOnlySet<string> Commands => _commands;

    internal IReadOnlySet<string> Methods => _methods;

    internal IReadOnlySet<string> CimMethods => _cimMethods;

    internal static ReadOnlyScriptCheck Run(string script)
    {
        var check = new ReadOnlyScriptCheck();
        var ast = Parser.ParseInput(script, out _, out var errors);
        foreach (var error in errors)
        {
            check.Add(error.Extent, "does not parse: " + error.Message);
        }

        var defined = ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
        {
            check.Command(command, defined);
        }

        foreach (var call in ast.FindAll(a => a is InvokeMemberExpressionAst, true).Cast<InvokeMemberExpressionAst>())
        {
            check.Method(call);
        }

        foreach (var redirection in ast.FindAll(a => a is FileRedirectionAst, true).Cast<FileRedirectionAst>())
        {
            if (redirection.Location is not VariableExpressionAst { VariablePath.UserPath: "null" })
            {
                check.Add(redirection.Extent, "redirects output to a file");
            }
        }

        foreach (var assignment in ast.FindAll(a => a is AssignmentStatementAst, true).Cast<AssignmentStatementAst>())
        {
            // ${C:\file} = ... writes a file, $env:X = ... the environment: only plain and scoped variables are assigned.
            if (assignment.Left is VariableExpressionAst { VariablePath.DriveName: { } drive } v && !ScopeDrives.Contains(drive))
            {
                check.Add(assignment.Extent, $"assigns the provider path {v.VariablePath.UserPath} ({drive}:)");
            }
        }

        return check;
    }

    private void Command(CommandAst command, HashSet<string> defined)
    {
        var name = command.GetCommandName();
        if (name is null)
        {
            // & $Read and & $Run: the script blocks Add-AlsCapture and Invoke-AlsTool are given, written in this script.
            if (command.InvocationOperator == TokenKind.Ampersand && command.CommandElements[0] is VariableExpressionAst { VariablePath.UserPath: "Read" or "Run" } && defined.Count > 0)
            {
                return;
            }

            Add(command.Extent, "runs a dynamic command");
            return;
        }

        _commands.Add(name);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && ChangingVerbs.Contains(name[..dash], StringComparer.OrdinalIgnoreCase) && !ChangingVerbExceptions.ContainsKey(name))
        {
            Add(command.Extent, $"runs {name}, of a verb that changes things");
            return;
        }

        if (Tools.TryGetValue(name, out var option))
        {
            // /backup is a bare word, --list-policies a parameter to PowerShell's parser: either way its text.
            var first = command.CommandElements.Count < 2 ? null : command.CommandElements[1] switch
            {
                StringConstantExpressionAst s => s.Value,
                CommandParameterAst p when p.Argument is null => p.Extent.Text,
                _ => null,
            };
            if (!string.Equals(first, option, StringComparison.OrdinalIgnoreCase))
            {
                Add(command.Extent, $"runs {name} without {option} as its first argument");
            }

            return;
        }

        if (name.Equals("Invoke-CimMethod", StringComparison.OrdinalIgnoreCase))
        {
            if (Enclosing(command) != "Invoke-AlsMethod" || !defined.Contains("Invoke-AlsMethod"))
            {
                Add(command.Extent, "runs Invoke-CimMethod outside Invoke-AlsMethod, whose method names are checked");
            }

            return;
        }

        if (name.Equals("Invoke-AlsMethod", StringComparison.OrdinalIgnoreCase))
        {
            CimMethodArgument(command);
        }

        if (name.Equals("Invoke-AlsTool", StringComparison.OrdinalIgnoreCase))
        {
            TempFileArgument(command);
        }

        if (ReadingCommands.Contains(name) || (ScriptFunctions.Contains(name) && defined.Contains(name)))
        {
            return;
        }

        Add(command.Extent, $"runs {name}, which is not a reading command");
    }

    /// <summary>Invoke-AlsMethod's -Method: a reading CIM method, as a constant or a foreach variable over constants.</summary>
    private void CimMethodArgument(CommandAst command)
    {
        var value = ParameterValue(command, "Method");
        var names = value switch
        {
            StringConstantExpressionAst s => [s.Value],
            VariableExpressionAst v => ForEachConstants(command, v.VariablePath.UserPath),
            _ => null,
        };
        if (names is null)
        {
            Add(command.Extent, "calls a CIM method whose name is not a constant");
            return;
        }

        foreach (var method in names)
        {
            _cimMethods.Add(method);
            if (!ReadingCimMethods.Contains(method))
            {
                Add(command.Extent, $"calls the CIM method {method}, which is not one that only reads");
            }
        }
    }

    /// <summary>Invoke-AlsTool deletes -File when done: that must be a new temporary path (New-AlsTempPath) of the same block.</summary>
    private void TempFileArgument(CommandAst command)
    {
        if (ParameterValue(command, "File") is not VariableExpressionAst file)
        {
            Add(command.Extent, "gives Invoke-AlsTool a -File that is not a variable");
            return;
        }

        var block = command.Parent;
        while (block is not null and not ScriptBlockAst)
        {
            block = block.Parent;
        }

        var assignments = block?.FindAll(a => a is AssignmentStatementAst s && s.Left is VariableExpressionAst l && l.VariablePath.UserPath == file.VariablePath.UserPath, false)
            .Cast<AssignmentStatementAst>()
            .ToList() ?? [];
        if (assignments.Count == 0 || !assignments.All(s => s.Right is PipelineAst { PipelineElements: [CommandAst c] } && c.GetCommandName() == "New-AlsTempPath"))
        {
            Add(command.Extent, $"gives Invoke-AlsTool -File ${file.VariablePath.UserPath}, which is not a New-AlsTempPath path");
        }
    }

    private void Method(InvokeMemberExpressionAst call)
    {
        if (call.Member is not StringConstantExpressionAst member)
        {
            Add(call.Extent, "calls a dynamic method");
            return;
        }

        var name = member.Value;
        _methods.Add(name);
        if (name.Equals("OpenSubKey", StringComparison.OrdinalIgnoreCase)
            && (call.Arguments is not { Count: 2 } || call.Arguments[1] is not VariableExpressionAst { VariablePath.UserPath: "false" }))
        {
            Add(call.Extent, "calls OpenSubKey without $false (read-only) as its second argument");
            return;
        }

        if (!WritingMethods.Contains(name))
        {
            return;
        }

        // The one write: Invoke-AlsTool deletes the temporary file the tool wrote (checked at each call of Invoke-AlsTool).
        if (name == "Delete" && call.Static && call.Expression is TypeExpressionAst { TypeName.FullName: "System.IO.File" }
            && call.Arguments is [VariableExpressionAst { VariablePath.UserPath: "File" }] && Enclosing(call) == "Invoke-AlsTool")
        {
            return;
        }

        Add(call.Extent, $"calls {name}, which writes");
    }

    private static CommandElementAst? ParameterValue(CommandAst command, string parameter)
    {
        for (var i = 0; i < command.CommandElements.Count - 1; i++)
        {
            if (command.CommandElements[i] is CommandParameterAst p && p.ParameterName.Equals(parameter, StringComparison.OrdinalIgnoreCase))
            {
                return p.Argument is { } inline ? inline as CommandElementAst : command.CommandElements[i + 1];
            }
        }

        return null;
    }

    /// <summary>The constants a foreach over <paramref name="variable"/> around <paramref name="at"/> iterates, or null.</summary>
    private static List<string>? ForEachConstants(Ast at, string variable)
    {
        for (var node = at.Parent; node is not null; node = node.Parent)
        {
            if (node is ForEachStatementAst loop && loop.Variable.VariablePath.UserPath.Equals(variable, StringComparison.OrdinalIgnoreCase))
            {
                var items = loop.Condition.FindAll(a => a is ExpressionAst, true).ToList();
                var constants = items.OfType<StringConstantExpressionAst>().Select(s => s.Value).ToList();
                var others = items.Where(a => a is not StringConstantExpressionAst and not ArrayExpressionAst and not ArrayLiteralAst and not ParenExpressionAst);
                return constants.Count > 0 && !others.Any() ? constants : null;
            }
        }

        return null;
    }

    private static string? Enclosing(Ast ast)
    {
        for (var node = ast.Parent; node is not null; node = node.Parent)
        {
            if (node is FunctionDefinitionAst f)
            {
                return f.Name;
            }
        }

        return null;
    }

    private void Add(IScriptExtent extent, string what) => _findings.Add($"line {extent.StartLineNumber}: {what}: {extent.Text.Split('\n')[0].Trim()}");
}
