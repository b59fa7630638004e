using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The raw facts of one node at one time, with how each was obtained. Analyzers read only this, so an
/// analysis runs the same on the node, on a workstation, in a pipeline or years later from a bundle.
/// </summary>
public sealed class EvidenceBundle
{
    private readonly EvidenceItem[] _items;
    private readonly Dictionary<string, EvidenceItem> _byId;

    /// <summary>Creates a bundle. Item ids are unique (ordinal).</summary>
    public EvidenceBundle(int schemaVersion, NodeIdentity node, DateTimeOffset capturedAt, string moduleVersion, IEnumerable<EvidenceItem> items, string? location = null)
    {
        SchemaVersion = schemaVersion;
        Node = node ?? throw new ArgumentNullException(nameof(node));
        CapturedAt = capturedAt.ToUniversalTime();
        ModuleVersion = moduleVersion ?? throw new ArgumentNullException(nameof(moduleVersion));
        _items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();
        _byId = new Dictionary<string, EvidenceItem>(StringComparer.Ordinal);
        foreach (var item in _items)
        {
            if (_byId.ContainsKey(item.Id))
            {
                throw new ArgumentException($"Evidence id '{item.Id}' appears more than once.", nameof(items));
            }

            _byId.Add(item.Id, item);
        }

        Location = location;
    }

    /// <summary>The bundle schema version this bundle was written with.</summary>
    public int SchemaVersion { get; }

    /// <summary>The node the facts were read on.</summary>
    public NodeIdentity Node { get; }

    /// <summary>The node's name (shortcut for <c>Node.Name</c>).</summary>
    public string NodeName => Node.Name;

    /// <summary>When the capture started (UTC).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>The version of the module that captured it.</summary>
    public string ModuleVersion { get; }

    /// <summary>Where the bundle was read from or written to; null for a live capture held in memory.</summary>
    public string? Location { get; }

    /// <summary>Every fact, in capture order.</summary>
    public IReadOnlyList<EvidenceItem> Items => _items;

    /// <summary>The number of facts that could not be read.</summary>
    public int ErrorCount => _items.Count(i => !i.Succeeded);

    /// <summary>The fact with this id, or null if the bundle does not hold it (an older capture, another platform).</summary>
    public EvidenceItem? Find(string id) => _byId.TryGetValue(id, out var item) ? item : null;

    /// <summary>The same facts, remembered as read from or written to <paramref name="location"/>.</summary>
    public EvidenceBundle WithLocation(string location) => new(SchemaVersion, Node, CapturedAt, ModuleVersion, _items, location);

    /// <inheritdoc />
    public override string ToString() => $"{Node.Name} {CapturedAt:u} ({_items.Length} items)";
}
