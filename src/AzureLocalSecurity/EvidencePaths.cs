using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>Resolves the paths a user gave (PowerShell paths, wildcards) and reads each bundle, reporting each failure as a non-terminating error.</summary>
internal static class EvidencePaths
{
    internal static IEnumerable<EvidenceBundle> ReadAll(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
    {
        foreach (var path in paths)
        {
            foreach (var resolved in Resolve(cmdlet, path, literal))
            {
                EvidenceBundle? bundle = null;
                try
                {
                    cmdlet.WriteVerbose($"Reading evidence bundle '{resolved}'.");
                    bundle = EvidenceBundleReader.Read(resolved);
                }
                catch (EvidenceFormatException ex)
                {
                    cmdlet.WriteError(ErrorIds.ForBundle(ex, path));
                }

                if (bundle is not null)
                {
                    yield return bundle;
                }
            }
        }
    }

    internal static List<string> Resolve(PSCmdlet cmdlet, string path, bool literal)
    {
        var result = new List<string>();
        try
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                result.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            }
            else
            {
                result.AddRange(cmdlet.GetResolvedProviderPathFromPSPath(path, out _));
            }
        }
        catch (ItemNotFoundException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
        }

        return result;
    }
}
