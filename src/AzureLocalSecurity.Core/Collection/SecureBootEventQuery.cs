using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Events;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The XPath query of the Secure Boot servicing events, shared by the native event collector and the in-box capture script,
/// so both read the same events. Pure.
/// </summary>
internal static class SecureBootEventQuery
{
    /// <summary>
    /// The full provider name (the short "TPM-WMI" Event Viewer shows does not match) and the ids, runs of three or more as
    /// ranges so that the query stays well inside what the event log's XPath subset takes.
    /// </summary>
    internal static string Build(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().OrderBy(i => i).ToArray();
        var terms = new List<string>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end + 1 < sorted.Length && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            if (end - start >= 2)
            {
                terms.Add(string.Format(CultureInfo.InvariantCulture, "(EventID >= {0} and EventID <= {1})", sorted[start], sorted[end]));
            }
            else
            {
                for (var i = start; i <= end; i++)
                {
                    terms.Add(string.Format(CultureInfo.InvariantCulture, "EventID={0}", sorted[i]));
                }
            }

            start = end + 1;
        }

        return $"*[System[Provider[@Name='{SecureBootEventCatalog.ProviderName}'] and ({string.Join(" or ", terms)})]]";
    }

    /// <summary>The query of every event the catalog knows.</summary>
    internal static string ForCatalog() => Build(SecureBootEventCatalog.All.Select(e => e.Id));
}
