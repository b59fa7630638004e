using System;
using System.Linq;
using AzureLocalSecurity.Integrity;

namespace AzureLocalSecurity.Fuzz;

/// <summary>The module's SBOM reader and the integrity verdict built on it.</summary>
internal static class IntegrityHarnesses
{
    /// <summary>
    /// Only ModuleSbomFormatException (with a JSON path) may end a parse. A document that reads has only safe, distinct
    /// file paths with 64-digit SHA-256s; judged against a folder that holds exactly its files, every file matches, and
    /// against the same folder with one file changed, that file and only it is Modified. The input as an SBOM signature
    /// never throws.
    /// </summary>
    internal static bool ModuleSbomBytes(byte[] input)
    {
        var unsigned = ModuleSignature.Verify([1, 2, 3], input, ["00"], checkChain: false);
        if (unsigned.Status is not (ModuleSignatureStatus.Invalid or ModuleSignatureStatus.Valid))
        {
            throw new InvalidOperationException($"A signature of {input.Length} bytes was judged {unsigned.Status}.");
        }

        ModuleSbomDocument document;
        try
        {
            document = ModuleSbom.Parse(input);
        }
        catch (ModuleSbomFormatException ex)
        {
            if (string.IsNullOrEmpty(ex.JsonPath) || ex.JsonPath[0] != '$')
            {
                throw new InvalidOperationException($"The error's JSON path '{ex.JsonPath}' is not a path.");
            }

            return false;
        }

        if (document.Files.Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count() != document.Files.Count)
        {
            throw new InvalidOperationException("A path was read twice.");
        }

        foreach (var file in document.Files)
        {
            if (!ModuleSbom.IsSafeRelativePath(file.Path) || file.Sha256.Length != 64)
            {
                throw new InvalidOperationException($"'{file.Path}' or its hash should have been refused.");
            }
        }

        var same = document.Files.Select(f => new ModuleFileFact(f.Path, 1, f.Sha256, null)).ToList();
        var facts = new ModuleFolderFacts("/m", document.Name, document.Version, same, input, null, null, null);
        var report = ModuleIntegrityAnalyzer.Analyze(facts, [], checkChain: false);
        if (report.Files.Any(f => f.Status != ModuleFileStatus.Match) || report.Status == ModuleIntegrityStatus.Intact)
        {
            throw new InvalidOperationException($"A folder of exactly the SBOM's files was judged {report.Status} without a signature.");
        }

        if (document.Files.Count > 0)
        {
            var changed = same.Select((f, i) => i == 0 ? new ModuleFileFact(f.Path, 1, new string('0', 64) == f.Sha256 ? new string('1', 64) : new string('0', 64), null) : f).ToList();
            var tampered = ModuleIntegrityAnalyzer.Analyze(new ModuleFolderFacts("/m", document.Name, document.Version, changed, input, null, null, null), [], checkChain: false);
            if (tampered.Status != ModuleIntegrityStatus.Tampered || tampered.Files.Count(f => f.Status == ModuleFileStatus.Modified) != 1)
            {
                throw new InvalidOperationException("A changed file was not the one Modified file of a Tampered module.");
            }
        }

        return true;
    }
}
