using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Writes check results to one report file: JSON, CSV, HTML, SARIF, JUnit XML or CEF.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "ALSecurityReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportALSecurityReportCommand : PSCmdlet
{
    private readonly List<SecurityCheckResult> _results = [];

    /// <summary>The results: SecurityCheckResult or BaselineRuleResult objects, usually from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = [];

    /// <summary>The report's format.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public ReportFormat Format { get; set; }

    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The report's title.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = SecurityReport.DefaultTitle;

    /// <summary>With -Format Cef: prefixes each line with the RFC 3164 header Azure Local's syslog forwarder sends.</summary>
    [Parameter]
    public SwitchParameter SyslogHeader { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the report file's FileInfo to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (SyslogHeader && Format != ReportFormat.Cef)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-SyslogHeader applies to -Format Cef only."),
                ErrorIds.ReportParameterNotApplicable,
                ErrorCategory.InvalidArgument,
                Format));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            switch (item?.BaseObject)
            {
                case SecurityCheckResult result:
                    _results.Add(result);
                    break;
                case BaselineRuleResult baseline:
                    _results.Add(baseline.ToCheckResult());
                    break;
                default:
                    var type = item is null ? "null" : item.BaseObject is PSCustomObject ? (item.TypeNames.Count > 0 ? item.TypeNames[0] : "PSCustomObject") : item.BaseObject.GetType().FullName;
                    WriteError(new ErrorRecord(
                        new ArgumentException($"A report takes SecurityCheckResult or BaselineRuleResult objects, not {type}."),
                        ErrorIds.ReportInputUnsupported,
                        ErrorCategory.InvalidType,
                        item));
                    break;
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var exists = File.Exists(target);
        if (exists && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"'{target}' already exists. Use -Force to replace it."),
                ErrorIds.ReportFileExists,
                ErrorCategory.ResourceExists,
                Path));
        }

        if (!ShouldProcess(target, exists ? $"Replace with a {Format} report of {_results.Count} results" : $"Write a {Format} report of {_results.Count} results"))
        {
            return;
        }

        if (_results.Count == 0)
        {
            WriteWarning("No results were given: the report is empty.");
        }

        var report = new SecurityReport(Title, DateTimeOffset.Now, ModuleInfo.Version, _results);
        try
        {
            var file = ReportFile.Write(report, Format, target, overwrite: Force, new CefOptions { SyslogHeader = SyslogHeader });
            WriteVerbose($"Wrote {_results.Count} results to '{file.FullName}' ({file.Length} bytes).");
            if (PassThru)
            {
                WriteObject(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, Path));
        }
    }
}
