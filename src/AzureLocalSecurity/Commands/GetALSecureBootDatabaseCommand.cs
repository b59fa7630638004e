using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.SecureBoot.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Lists the entries of the Secure Boot databases (PK, KEK, db, dbx): certificates with their known names and validity, hashes with what the dbx list says they revoke, Windows SVN entries.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSecureBootDatabase", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecureBootDatabaseEntry))]
public sealed class GetALSecureBootDatabaseCommand : SecureBootAnalysisCommand
{
    private const string FileSet = "File";

    /// <summary>The databases to list: PK, KEK, db, dbx (the default: all four), dbt, dbr, or the firmware defaults PKDefault, KEKDefault, dbDefault, dbxDefault.</summary>
    [Parameter(Position = 0)]
    [ValidateSet("PK", "KEK", "db", "dbx", "dbt", "dbr", "PKDefault", "KEKDefault", "dbDefault", "dbxDefault")]
    public string[]? Name { get; set; }

    /// <summary>Files to read instead of a node: a signed update (EFI_VARIABLE_AUTHENTICATION_2, such as DBXUpdate.bin) or a bare EFI signature list (.esl).</summary>
    [Parameter(Mandatory = true, ParameterSetName = FileSet)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    private static readonly string[] Databases = ["PK", "KEK", "db", "dbx", "dbt", "dbr", "PKDefault", "KEKDefault", "dbDefault", "dbxDefault"];

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // ValidateSet accepts any casing; UEFI names are case-sensitive, so take the set's spelling.
        Name = Name?.Select(n => Databases.First(d => string.Equals(d, n, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName != FileSet)
        {
            base.ProcessRecord();
            return;
        }

        var database = Name is { Length: 1 } ? Name[0] : null;
        foreach (var path in Path)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                try
                {
                    WriteEach(SecureBootDatabaseAnalyzer.ReadFile(File.ReadAllBytes(resolved), System.IO.Path.GetFileName(resolved), database));
                }
                catch (EfiFormatException ex)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.SignatureListInvalid, ErrorCategory.InvalidData, path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ReadError, path));
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var entries = SecureBootDatabaseAnalyzer.Read(bundle, Name ?? SecureBootDatabaseAnalyzer.DefaultDatabases, out var unknowns);
        foreach (var unknown in unknowns)
        {
            if (entries.Count == 0)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"{bundle.NodeName}: {unknown}"), ErrorIds.SecureBootDatabaseUnavailable, ErrorCategory.ReadError, bundle.NodeName));
            }
            else
            {
                WriteWarning($"{bundle.NodeName}: {unknown}");
            }
        }

        WriteEach(entries);
    }
}
