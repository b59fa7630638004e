namespace AzureLocalSecurity.Defender;

/// <summary>The three kinds of Microsoft Defender Antivirus exclusion (Add-MpPreference -ExclusionPath, -ExclusionExtension, -ExclusionProcess).</summary>
public enum DefenderExclusionKind
{
    /// <summary>A file or folder (and everything under it).</summary>
    Path,

    /// <summary>A file name extension, anywhere on the machine.</summary>
    Extension,

    /// <summary>A process: the files it opens are not scanned.</summary>
    Process,
}
