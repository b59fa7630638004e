using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace AzureLocalSecurity.Host;

/// <summary>A non-interactive PSHost: output to stdout, errors and streams to stderr, 'exit N' recorded.</summary>
internal sealed class AlsecHost : PSHost
{
    private readonly AlsecHostUserInterface _ui;

    public AlsecHost(System.IO.TextWriter output, System.IO.TextWriter error, int width, bool plainText)
    {
        _ui = new AlsecHostUserInterface(output, error, width, plainText);
    }

    /// <summary>The code a script asked to exit with, if it did.</summary>
    public int? ExitCode { get; private set; }

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "alsec";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => typeof(AlsecHost).Assembly.GetName().Version ?? new Version(0, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException("alsec has no nested prompt.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("alsec has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
}
