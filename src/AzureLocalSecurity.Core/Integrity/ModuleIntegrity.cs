using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Integrity;

/// <summary>The verdict on an installed module.</summary>
public enum ModuleIntegrityStatus
{
    /// <summary>Not judged (the analyzer never returns it; it is the type's default).</summary>
    Unknown = 0,

    /// <summary>Every file is the one the signed SBOM lists, nothing is missing or added, and the signer is trusted or named.</summary>
    Intact = 1,

    /// <summary>A file differs from the SBOM, is missing or was added, the SBOM's signature does not hold, or Windows reports an Authenticode hash mismatch.</summary>
    Tampered,

    /// <summary>Nothing found wrong, but nothing proven either: no SBOM, an unsigned SBOM, or a signer nobody trusts here.</summary>
    Unverified,
}

/// <summary>One file's verdict.</summary>
public enum ModuleFileStatus
{
    /// <summary>There is no readable SBOM to compare with.</summary>
    NotChecked = 0,

    /// <summary>The file's SHA-256 is the SBOM's.</summary>
    Match,

    /// <summary>The file's SHA-256 differs from the SBOM's.</summary>
    Modified,

    /// <summary>The SBOM lists the file and the module folder does not have it.</summary>
    Missing,

    /// <summary>The module folder has a file the SBOM does not list.</summary>
    Unexpected,

    /// <summary>The file could not be read.</summary>
    Unreadable,
}

/// <summary>What was read from an installed module's folder (<see cref="Collection.ModuleFileCollector"/>).</summary>
public sealed class ModuleFolderFacts
{
    /// <summary>The facts of one folder.</summary>
    public ModuleFolderFacts(string moduleBase, string? manifestName, string? manifestVersion, IReadOnlyList<ModuleFileFact> files, byte[]? sbom, string? sbomError, byte[]? signature, string? signatureError)
    {
        ModuleBase = moduleBase;
        ManifestName = manifestName;
        ManifestVersion = manifestVersion;
        Files = files;
        Sbom = sbom;
        SbomError = sbomError;
        Signature = signature;
        SignatureError = signatureError;
    }

    /// <summary>The folder.</summary>
    public string ModuleBase { get; }

    /// <summary>The manifest's base name, or null if there is none.</summary>
    public string? ManifestName { get; }

    /// <summary>The manifest's ModuleVersion, or null.</summary>
    public string? ManifestVersion { get; }

    /// <summary>Every file in the folder, the SBOM and its signature excluded.</summary>
    public IReadOnlyList<ModuleFileFact> Files { get; }

    /// <summary>The SBOM's bytes, or null.</summary>
    public byte[]? Sbom { get; }

    /// <summary>Why the SBOM could not be read, or null.</summary>
    public string? SbomError { get; }

    /// <summary>The signature's bytes, or null.</summary>
    public byte[]? Signature { get; }

    /// <summary>Why the signature could not be read (not: that there is none), or null.</summary>
    public string? SignatureError { get; }
}

/// <summary>One file as found: its path relative to the module folder ('/' separators) and its SHA-256, or why it could not be read.</summary>
public sealed class ModuleFileFact
{
    /// <summary>A file read.</summary>
    public ModuleFileFact(string path, long length, string? sha256, string? error)
    {
        Path = path;
        Length = length;
        Sha256 = sha256;
        Error = error;
    }

    /// <summary>The path in the module folder.</summary>
    public string Path { get; }

    /// <summary>The size in bytes.</summary>
    public long Length { get; }

    /// <summary>SHA-256, lower-case hex, or null.</summary>
    public string? Sha256 { get; }

    /// <summary>Why it could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>What Windows' Authenticode check (Get-AuthenticodeSignature) said of the file, or null where it did not run.</summary>
    public string? Authenticode { get; set; }
}

/// <summary>One file's verdict with what was expected and found.</summary>
public sealed class ModuleFileIntegrity
{
    internal ModuleFileIntegrity(string path, ModuleFileStatus status, string? expected, string? actual, string? package, string? authenticode, string reason)
    {
        Path = path;
        Status = status;
        ExpectedSha256 = expected;
        ActualSha256 = actual;
        Package = package;
        Authenticode = authenticode;
        Reason = reason;
    }

    /// <summary>The path in the module folder.</summary>
    public string Path { get; }

    /// <summary>The verdict.</summary>
    public ModuleFileStatus Status { get; }

    /// <summary>The SBOM's SHA-256, or null.</summary>
    public string? ExpectedSha256 { get; }

    /// <summary>The file's SHA-256, or null.</summary>
    public string? ActualSha256 { get; }

    /// <summary>The package the file came from, or null for the module's own.</summary>
    public string? Package { get; }

    /// <summary>Windows' Authenticode status of the file, or null where it was not checked.</summary>
    public string? Authenticode { get; }

    /// <summary>Why, in words.</summary>
    public string Reason { get; }
}

/// <summary>The verdict on one installed module folder, with every file's and the signature's.</summary>
public sealed class ModuleIntegrityReport
{
    internal ModuleIntegrityReport(string name, string? version, string? sbomVersion, string moduleBase, ModuleIntegrityStatus status, ModuleSignatureInfo signature, IReadOnlyList<ModuleFileIntegrity> files, IReadOnlyList<string> reasons)
    {
        Name = name;
        Version = version;
        SbomVersion = sbomVersion;
        ModuleBase = moduleBase;
        Status = status;
        Signature = signature;
        Files = files;
        Reasons = reasons;
    }

    /// <summary>The module's name.</summary>
    public string Name { get; }

    /// <summary>The manifest's version, or null.</summary>
    public string? Version { get; }

    /// <summary>The version the SBOM names, or null.</summary>
    public string? SbomVersion { get; }

    /// <summary>The folder checked.</summary>
    public string ModuleBase { get; }

    /// <summary>The verdict.</summary>
    public ModuleIntegrityStatus Status { get; }

    /// <summary>The SBOM signature's verdict.</summary>
    public ModuleSignatureInfo Signature { get; }

    /// <summary>Every file's verdict: the SBOM's files in its order, then the unexpected ones.</summary>
    public IReadOnlyList<ModuleFileIntegrity> Files { get; }

    /// <summary>Why the verdict, in words, most important first.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>How many files match.</summary>
    public int Matched => Files.Count(f => f.Status == ModuleFileStatus.Match);

    /// <summary>How many files differ, are missing, were added or could not be read.</summary>
    public int Mismatched => Files.Count(f => f.Status is ModuleFileStatus.Modified or ModuleFileStatus.Missing or ModuleFileStatus.Unexpected or ModuleFileStatus.Unreadable);
}

/// <summary>Judges a module folder against its SBOM and the SBOM's signature: pure, on facts already read.</summary>
public static class ModuleIntegrityAnalyzer
{
    /// <summary>The verdict for <paramref name="facts"/>; <paramref name="pinnedThumbprints"/> and <paramref name="checkChain"/> as in <see cref="ModuleSignature.Verify"/>.</summary>
    public static ModuleIntegrityReport Analyze(ModuleFolderFacts facts, IReadOnlyCollection<string> pinnedThumbprints, bool checkChain)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var reasons = new List<string>();
        var name = facts.ManifestName ?? "AzureLocalSecurity";
        ModuleSbomDocument? sbom = null;
        ModuleSignatureInfo signature;
        if (facts.Sbom is null)
        {
            reasons.Add(facts.SbomError ?? $"The module folder has no SBOM ({ModuleSbom.FileName}): it was not installed from a package built by build.ps1 -Task Package, so there is nothing to compare with.");
            signature = new ModuleSignatureInfo(ModuleSignatureStatus.Unknown, ModuleSignerTrust.NotChecked, null, null, null, null, "There is no SBOM to check a signature of.");
        }
        else
        {
            try
            {
                sbom = ModuleSbom.Parse(facts.Sbom);
            }
            catch (ModuleSbomFormatException e)
            {
                reasons.Add("The SBOM cannot be read: " + e.Message);
            }

            signature = facts.SignatureError is { } signatureError
                ? new ModuleSignatureInfo(ModuleSignatureStatus.Unknown, ModuleSignerTrust.NotChecked, null, null, null, null, signatureError)
                : ModuleSignature.Verify(facts.Sbom, facts.Signature, pinnedThumbprints, checkChain);
        }

        var files = new List<ModuleFileIntegrity>();
        var found = facts.Files.ToDictionary(f => f.Path, StringComparer.OrdinalIgnoreCase);
        if (sbom is null)
        {
            files.AddRange(facts.Files.Select(f => new ModuleFileIntegrity(f.Path, ModuleFileStatus.NotChecked, null, f.Sha256, null, f.Authenticode, "No readable SBOM to compare with.")));
        }
        else
        {
            if (!string.Equals(sbom.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"The SBOM describes '{sbom.Name}', not '{name}'.");
            }

            if (facts.ManifestVersion is { } manifestVersion && !string.Equals(sbom.Version, manifestVersion, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"The SBOM describes version {sbom.Version}; the manifest says {manifestVersion}.");
            }

            foreach (var listed in sbom.Files)
            {
                if (!found.TryGetValue(listed.Path, out var file))
                {
                    files.Add(new ModuleFileIntegrity(listed.Path, ModuleFileStatus.Missing, listed.Sha256, null, listed.Package, null, "The SBOM lists this file and the module folder does not have it."));
                }
                else if (file.Sha256 is null)
                {
                    files.Add(new ModuleFileIntegrity(listed.Path, ModuleFileStatus.Unreadable, listed.Sha256, null, listed.Package, file.Authenticode, "The file could not be read: " + file.Error));
                }
                else if (string.Equals(file.Sha256, listed.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(new ModuleFileIntegrity(listed.Path, ModuleFileStatus.Match, listed.Sha256, file.Sha256, listed.Package, file.Authenticode, "The file's SHA-256 is the SBOM's."));
                }
                else
                {
                    files.Add(new ModuleFileIntegrity(listed.Path, ModuleFileStatus.Modified, listed.Sha256, file.Sha256, listed.Package, file.Authenticode, "The file's SHA-256 differs from the SBOM's: it was changed after packaging."));
                }
            }

            var listedPaths = new HashSet<string>(sbom.Files.Select(f => f.Path), StringComparer.OrdinalIgnoreCase);
            foreach (var extra in facts.Files.Where(f => !listedPaths.Contains(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                files.Add(new ModuleFileIntegrity(extra.Path, ModuleFileStatus.Unexpected, null, extra.Sha256, null, extra.Authenticode, "The SBOM does not list this file: it was added after packaging."));
            }
        }

        var mismatched = files.Where(f => f.Status is ModuleFileStatus.Modified or ModuleFileStatus.Missing or ModuleFileStatus.Unexpected or ModuleFileStatus.Unreadable).ToList();
        if (mismatched.Count > 0)
        {
            reasons.Insert(0, $"{mismatched.Count} of {files.Count} files do not match the SBOM: " + string.Join(", ", mismatched.Take(5).Select(f => $"{f.Path} ({f.Status})")) + (mismatched.Count > 5 ? ", ..." : string.Empty) + ".");
        }

        var hashMismatch = files.Where(f => string.Equals(f.Authenticode, "HashMismatch", StringComparison.OrdinalIgnoreCase)).ToList();
        if (hashMismatch.Count > 0)
        {
            reasons.Insert(0, "Windows reports an Authenticode hash mismatch for " + string.Join(", ", hashMismatch.Select(f => f.Path)) + ".");
        }

        if (sbom is not null && signature.Status != ModuleSignatureStatus.Valid)
        {
            reasons.Add(signature.Reason);
        }
        else if (signature.Status == ModuleSignatureStatus.Valid && signature.Trust is ModuleSignerTrust.Untrusted or ModuleSignerTrust.NotChecked)
        {
            reasons.Add(signature.Reason);
        }

        var identityWrong = sbom is not null && (!string.Equals(sbom.Name, name, StringComparison.OrdinalIgnoreCase) || (facts.ManifestVersion is { } v && !string.Equals(sbom.Version, v, StringComparison.OrdinalIgnoreCase)));
        ModuleIntegrityStatus status;
        if (mismatched.Count > 0 || hashMismatch.Count > 0 || signature.Status == ModuleSignatureStatus.Invalid || identityWrong || (facts.Sbom is not null && sbom is null))
        {
            status = ModuleIntegrityStatus.Tampered;
        }
        else if (sbom is not null && signature.Status == ModuleSignatureStatus.Valid && signature.Trust is ModuleSignerTrust.Trusted or ModuleSignerTrust.Pinned)
        {
            status = ModuleIntegrityStatus.Intact;
            reasons.Add($"All {files.Count} files match the SBOM, whose signature by {signature.Signer} holds ({signature.Trust}).");
        }
        else
        {
            status = ModuleIntegrityStatus.Unverified;
            if (sbom is not null)
            {
                reasons.Insert(0, $"All {files.Count} files match the SBOM, but the SBOM itself is not proven: see its signature.");
            }
        }

        return new ModuleIntegrityReport(name, facts.ManifestVersion, sbom?.Version, facts.ModuleBase, status, signature, files, reasons);
    }
}
