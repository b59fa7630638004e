using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.SecureBoot.BootManager;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.SecureBoot.Rollover;

/// <summary>What the rollover checks read from a bundle, each fact with its source or the reason it is missing. Pure.</summary>
internal sealed class RolloverFacts
{
    private RolloverFacts(EvidenceBundle bundle)
    {
        Node = bundle.NodeName;
        State = SecureBootAnalyzer.Describe(bundle);
        PlatformKey = SignatureDatabase.Read(bundle, EfiVariableNames.PlatformKey);
        KeyExchangeKey = SignatureDatabase.Read(bundle, EfiVariableNames.KeyExchangeKey);
        Db = SignatureDatabase.Read(bundle, EfiVariableNames.Db);
        Dbx = SignatureDatabase.Read(bundle, EfiVariableNames.Dbx);
        Servicing = SecureBootServicingAnalyzer.Read(bundle);
        BootManager = BootFile.Read(bundle, SecureBootEvidenceIds.WindowsBootManagerPath);
        FallbackLoader = BootFile.Read(bundle, SecureBootEvidenceIds.FallbackBootLoaderPath);
        FromVariableStore = bundle.Find(SecureBootEvidenceIds.VariableStore) is { Succeeded: true };
    }

    public string Node { get; }

    public SecureBootState State { get; }

    public SignatureDatabase PlatformKey { get; }

    public SignatureDatabase KeyExchangeKey { get; }

    public SignatureDatabase Db { get; }

    public SignatureDatabase Dbx { get; }

    public SecureBootServicing Servicing { get; }

    public BootFile BootManager { get; }

    public BootFile FallbackLoader { get; }

    /// <summary>The bundle came from a firmware variable store image (an NVRAM file), not a running node.</summary>
    public bool FromVariableStore { get; }

    public static RolloverFacts Read(EvidenceBundle bundle) => new(bundle);

    /// <summary>Whether AvailableUpdates still queues <paramref name="bit"/> (null when it could not be read).</summary>
    public bool? Queued(uint bit) => Servicing.AvailableUpdates is { } bits ? (bits & bit) != 0 : null;

    /// <summary>One Secure Boot database as read: its entries, or why there are none to read.</summary>
    internal sealed class SignatureDatabase
    {
        private SignatureDatabase(string name, IReadOnlyList<EfiSignatureEntry>? entries, string? source, string? unknown, bool absent)
        {
            Name = name;
            Entries = entries;
            Source = source;
            Unknown = unknown;
            Absent = absent;
        }

        public string Name { get; }

        /// <summary>The entries (empty when the variable does not exist); null when they could not be read.</summary>
        public IReadOnlyList<EfiSignatureEntry>? Entries { get; }

        public string? Source { get; }

        /// <summary>Why the entries could not be read, or null.</summary>
        public string? Unknown { get; }

        /// <summary>The firmware has no such variable (read, and absent).</summary>
        public bool Absent { get; }

        /// <summary>Whether the database holds the Microsoft certificate named (null when it could not be read).</summary>
        public bool? Holds(string certificateName) => Entries?.Any(e => e.Kind == EfiSignatureKind.X509 && string.Equals(e.KnownName, certificateName, StringComparison.Ordinal));

        public static SignatureDatabase Read(EvidenceBundle bundle, string name)
        {
            var vendor = EfiVariableNames.VendorOf(name)!.Value;
            var item = bundle.Find(SecureBootEvidenceIds.Variable(name, vendor));
            if (item is null)
            {
                return new SignatureDatabase(name, null, null, $"The bundle holds no {name} variable: it was captured without the UEFI variables.", absent: false);
            }

            if (!item.Succeeded)
            {
                return item.Error!.Category == EvidenceErrorCategory.NotFound
                    ? new SignatureDatabase(name, [], item.Source, null, absent: true)
                    : new SignatureDatabase(name, null, item.Source, $"{name} could not be read: {item.Error.Message}", absent: false);
            }

            try
            {
                // Parsers only read: the bytes are not copied.
                return new SignatureDatabase(name, EfiSignatureDatabase.Parse(item.RawData ?? []).Entries, item.Source, null, absent: false);
            }
            catch (EfiFormatException ex)
            {
                return new SignatureDatabase(name, null, item.Source, $"{name} is not a well-formed signature database: {ex.Message}", absent: false);
            }
        }
    }

    /// <summary>A boot file of the EFI system partition and its Authenticode signer, or why it could not be read.</summary>
    internal sealed class BootFile
    {
        private BootFile(string path, PeSignature? signature, string? source, string? unknown, bool absent)
        {
            Path = path;
            Signature = signature;
            Source = source;
            Unknown = unknown;
            Absent = absent;
        }

        public string Path { get; }

        public PeSignature? Signature { get; }

        public string? Source { get; }

        public string? Unknown { get; }

        /// <summary>The partition was read and has no such file.</summary>
        public bool Absent { get; }

        /// <summary>The file is signed under <paramref name="certificateName"/> (null when it could not be read or its signer could not be told).</summary>
        public bool? SignedBy(string certificateName) =>
            Signature is null || (Signature.ChainsTo.Count == 0 && Signature.UnknownReason is not null) ? null : Signature.IsSignedBy(certificateName);

        /// <summary>Who signed it, in words: each signature's signer and the CA it chains to.</summary>
        public string Describe()
        {
            if (Signature is null)
            {
                return Absent ? "absent" : "unknown";
            }

            if (!Signature.IsSigned)
            {
                return "not signed";
            }

            return string.Join("; ", Signature.Signatures.Select(s =>
                s.UnknownReason is not null
                    ? "a signature whose signer could not be told (" + s.UnknownReason + ")"
                    : string.Format(
                        CultureInfo.InvariantCulture,
                        "signed by {0} under {1}{2}",
                        PeAuthenticode.CommonName(s.Signer?.Subject) ?? s.Signer?.Subject ?? "?",
                        s.ChainsTo?.Name ?? s.ChainIssuer ?? "an unknown authority",
                        s.ChainsToByIssuerName ? " (by issuer name)" : string.Empty)));
        }

        public static BootFile Read(EvidenceBundle bundle, string path)
        {
            var item = bundle.Find(SecureBootEvidenceIds.EspFile(path));
            if (item is null)
            {
                return new BootFile(path, null, null, $"The bundle holds no {path}: it was captured without the EFI system partition's boot files (an older capture, or a variable store image).", absent: false);
            }

            if (!item.Succeeded)
            {
                return item.Error!.Category == EvidenceErrorCategory.NotFound
                    ? new BootFile(path, null, item.Source, $"The EFI system partition has no {path}.", absent: true)
                    : new BootFile(path, null, item.Source, $"{path} could not be read: {item.Error.Message}", absent: false);
            }

            try
            {
                var signature = PeAuthenticode.Read(item.RawData ?? []); // read only: the boot manager (about 2.5 MB) is not copied
                return new BootFile(path, signature, item.Source, signature.UnknownReason, absent: false);
            }
            catch (PeFormatException ex)
            {
                return new BootFile(path, null, item.Source, $"{path} is not a well-formed PE image: {ex.Message}", absent: false);
            }
        }
    }
}
