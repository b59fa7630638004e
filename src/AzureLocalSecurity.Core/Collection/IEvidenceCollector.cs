using System.Collections.Generic;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Reads raw facts from the operating system and returns them as evidence items. A collector never
/// decides anything, and reports a fact it cannot read as an item with an error rather than throwing.
/// </summary>
public interface IEvidenceCollector
{
    /// <summary>A short name for messages, such as <c>WindowsSystem</c>.</summary>
    string Name { get; }

    /// <summary>Reads the facts.</summary>
    IEnumerable<EvidenceItem> Collect(CollectionContext context);
}
