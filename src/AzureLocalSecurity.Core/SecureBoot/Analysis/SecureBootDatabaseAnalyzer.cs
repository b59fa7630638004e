using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>Reads the Secure Boot databases of a bundle (or a signed update or list file) into entries with what is known about each. Pure.</summary>
public static class SecureBootDatabaseAnalyzer
{
    /// <summary>The databases read when none is named.</summary>
    public static readonly IReadOnlyList<string> DefaultDatabases = [EfiVariableNames.PlatformKey, EfiVariableNames.KeyExchangeKey, EfiVariableNames.Db, EfiVariableNames.Dbx];

    /// <summary>
    /// The entries of the named databases, in order; <paramref name="unknowns"/> gets one line per database that could not
    /// be read or parsed, and says when a database does not exist (an empty dbx and a missing one differ).
    /// </summary>
    public static IReadOnlyList<SecureBootDatabaseEntry> Read(EvidenceBundle bundle, IEnumerable<string> databases, out IReadOnlyList<string> unknowns)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var reasons = new List<string>();
        var result = new List<SecureBootDatabaseEntry>();
        foreach (var name in databases ?? DefaultDatabases)
        {
            var vendor = EfiVariableNames.VendorOf(name);
            if (vendor is null)
            {
                reasons.Add($"{name}: not a Secure Boot database name.");
                continue;
            }

            var item = bundle.Find(SecureBootEvidenceIds.Variable(name, vendor.Value));
            if (item is null)
            {
                reasons.Add($"{name}: the bundle holds no UEFI variables (it was captured without them).");
                continue;
            }

            if (!item.Succeeded)
            {
                reasons.Add(item.Error!.Category == EvidenceErrorCategory.NotFound ? $"{name}: the firmware has no {name} variable." : $"{name}: {item.Error.Message}");
                continue;
            }

            try
            {
                var contents = EfiSignatureDatabase.Parse(item.GetData() ?? []);
                result.AddRange(Describe(bundle.NodeName, name, contents, item.Source));
            }
            catch (EfiFormatException ex)
            {
                reasons.Add($"{name}: the variable is not a well-formed signature database: {ex.Message}");
            }
        }

        unknowns = reasons;
        return result;
    }

    /// <summary>
    /// The entries of a file: a signed update (EFI_VARIABLE_AUTHENTICATION_2, such as DBXUpdate.bin) when its header says
    /// so, else a bare signature list (an .esl). <paramref name="database"/> names the target (dbx, db, ...) so that dbx
    /// hashes are described; null describes every SHA-256 entry against the dbx list.
    /// </summary>
    public static IReadOnlyList<SecureBootDatabaseEntry> ReadFile(byte[] data, string fileName, string? database)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        EfiSignatureDatabaseContents contents;
        string source;
        if (LooksAuthenticated(data))
        {
            contents = EfiAuthenticatedVariable.Parse(data).Payload;
            source = "signed update " + fileName;
        }
        else
        {
            contents = EfiSignatureDatabase.Parse(data);
            source = "signature list " + fileName;
        }

        return Describe(fileName, database ?? fileName, contents, source, describeHashes: database is null || string.Equals(database, EfiVariableNames.Dbx, StringComparison.Ordinal));
    }

    /// <summary>An EFI_VARIABLE_AUTHENTICATION_2 starts with a 16-byte EFI_TIME and then a WIN_CERTIFICATE with revision 0x0200 and type 0x0EF1.</summary>
    private static bool LooksAuthenticated(byte[] data) =>
        data.Length >= EfiAuthenticatedVariable.HeaderSize
        && (data[20] | (data[21] << 8)) == EfiAuthenticatedVariable.WinCertificateRevision
        && (data[22] | (data[23] << 8)) == EfiAuthenticatedVariable.WinCertificateTypeEfiGuid;

    private static List<SecureBootDatabaseEntry> Describe(string node, string database, EfiSignatureDatabaseContents contents, string source, bool? describeHashes = null)
    {
        var dbx = describeHashes ?? string.Equals(database, EfiVariableNames.Dbx, StringComparison.Ordinal);
        var result = new List<SecureBootDatabaseEntry>(contents.Entries.Count);
        foreach (var entry in contents.Entries)
        {
            string? revokes = null;
            if (dbx && entry.Kind == EfiSignatureKind.Sha256 && entry.Svn is null)
            {
                revokes = DbxKnowledge.Describe(entry.GetData());
            }

            result.Add(new SecureBootDatabaseEntry(node, database, entry, revokes, source));
        }

        return result;
    }
}
