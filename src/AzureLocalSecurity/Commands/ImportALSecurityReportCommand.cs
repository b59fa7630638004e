using System;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads the results of JSON reports written by Export-ALSecurityReport back into result objects.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "ALSecurityReport", DefaultParameterSetName = PathSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class ImportALSecurityReportCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Report files; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Report files taken exactly as written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var given in literal ? LiteralPath : Path)
        {
            foreach (var file in EvidencePaths.Resolve(this, given, literal))
            {
                Read(given, file);
            }
        }
    }

    private void Read(string given, string file)
    {
        SecurityReport report;
        try
        {
            report = JsonReportReader.ReadFile(file);
        }
        catch (ReportFormatException ex)
        {
            var (id, category) = ex.TooLarge ? (ErrorIds.ReportFileTooLarge, ErrorCategory.LimitsExceeded)
                : ex.UnsupportedVersion ? (ErrorIds.ReportSchemaUnsupported, ErrorCategory.InvalidData)
                : (ErrorIds.ReportFileInvalid, ErrorCategory.InvalidData);
            WriteError(new ErrorRecord(
                new ReportFormatException($"'{file}': {ex.Message}", ex.UnsupportedVersion, ex),
                id,
                category,
                given));
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ex is FileNotFoundException or DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, given));
            return;
        }

        WriteVerbose($"'{file}': {report.Results.Count} results of '{report.Title}', made {report.GeneratedAt:o} by module {report.ModuleVersion}.");
        foreach (var result in report.Results)
        {
            WriteObject(result);
        }
    }
}
