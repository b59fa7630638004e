using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>What <see cref="EvidenceFileImporter.Import"/> built: the bundle, and every file it looked at with what became of it.</summary>
public sealed class EvidenceFileImport
{
    internal EvidenceFileImport(EvidenceBundle bundle, IReadOnlyList<EvidenceFileResult> files)
    {
        Bundle = bundle;
        Files = files;
    }

    /// <summary>The evidence bundle (it also files the list of files as <see cref="EvidenceFileImporter.FilesId"/>).</summary>
    public EvidenceBundle Bundle { get; }

    /// <summary>Every file looked at, in ordinal order of path.</summary>
    public IReadOnlyList<EvidenceFileResult> Files { get; }
}
