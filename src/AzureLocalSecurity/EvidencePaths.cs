using System;
using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Resolves the paths a user gave (PowerShell paths, wildcards) and reads each bundle, reporting each failure as a non-terminating
/// error. A folder that is not itself a bundle is a folder of bundles (<see cref="EvidenceBundleLocator"/>); bundles are read one
/// at a time as the caller asks for them, so a caller that lets each go holds one in memory.
/// </summary>
internal static class EvidencePaths
{
    internal static IEnumerable<EvidenceBundle> ReadAll(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
    {
        foreach (var path in paths)
        {
            foreach (var resolved in Resolve(cmdlet, path, literal))
            {
                // A folder that is not itself a bundle is a folder of bundles: each is read (and let go) in turn.
                var bundlePaths = EvidenceBundleLocator.Expand(resolved);
                var expanded = bundlePaths.Count != 1 || !string.Equals(bundlePaths[0], resolved, StringComparison.Ordinal);
                if (bundlePaths.Count == 0)
                {
                    cmdlet.WriteError(new ErrorRecord(
                        new ItemNotFoundException($"'{resolved}' is neither an evidence bundle nor a folder holding any (.zip files or bundle folders)."),
                        ErrorIds.EvidenceFolderEmpty, ErrorCategory.ObjectNotFound, path));
                    continue;
                }

                foreach (var bundlePath in bundlePaths)
                {
                    EvidenceBundle? bundle = null;
                    try
                    {
                        cmdlet.WriteVerbose($"Reading evidence bundle '{bundlePath}'.");
                        bundle = EvidenceBundleReader.Read(bundlePath);
                    }
                    catch (EvidenceFormatException ex)
                    {
                        cmdlet.WriteError(ErrorIds.ForBundle(ex, expanded ? bundlePath : path));
                    }

                    if (bundle is not null)
                    {
                        yield return bundle;
                    }
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
