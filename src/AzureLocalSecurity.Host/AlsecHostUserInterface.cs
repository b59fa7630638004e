using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace AzureLocalSecurity.Host;

/// <summary>
/// The host's text interface. alsec is non-interactive (runbooks, CI): anything that would prompt fails
/// with a message saying which parameter to pass instead, rather than waiting forever on stdin.
/// </summary>
internal sealed class AlsecHostUserInterface : PSHostUserInterface
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly AlsecRawUserInterface _raw;

    public AlsecHostUserInterface(TextWriter output, TextWriter error, int width, bool plainText)
    {
        _out = plainText ? new PlainTextWriter(output) : output;
        _err = plainText ? new PlainTextWriter(error) : error;
        _raw = new AlsecRawUserInterface(width);
        SupportsVirtualTerminal = !plainText;
    }

    public override bool SupportsVirtualTerminal { get; }

    public override PSHostRawUserInterface RawUI => _raw;

    public override string ReadLine() => throw NotInteractive("read input");

    public override SecureString ReadLineAsSecureString() => throw NotInteractive("read a secret");

    public override void Write(string value) => _out.Write(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _out.Write(value);

    public override void WriteLine(string value) => _out.WriteLine(value);

    public override void WriteErrorLine(string value) => _err.WriteLine(value);

    public override void WriteDebugLine(string message) => _err.WriteLine("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => _err.WriteLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => _err.WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw NotInteractive("prompt for " + string.Join(", ", descriptions is null ? [] : System.Linq.Enumerable.Select(descriptions, d => d.Name)));

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw NotInteractive("prompt for a credential");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw NotInteractive("prompt for a credential");

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
        throw NotInteractive($"ask \"{message}\" (pass -Confirm:$false or -Force to proceed, or -WhatIf to preview)");

    private static PSInvalidOperationException NotInteractive(string what) =>
        new($"alsec is not interactive and cannot {what}.");
}
