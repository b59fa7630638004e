using System;
using System.IO;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>The real Secure Boot files in Vectors/secureboot (see its PROVENANCE.md).</summary>
internal static class SecureBootVectors
{
    internal const string DbxUpdateAmd64 = "DBXUpdate-amd64.bin";
    internal const string DbUpdate2024 = "DBUpdate2024-amd64.bin";
    internal const string DbxUpdate2024 = "DBXUpdate2024.bin";

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "secureboot");

    internal static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    internal static byte[] Certificate(string file) => File.ReadAllBytes(Path.Combine(Folder, "certs", file));

    internal static string[] CertificateFiles => Directory.GetFiles(Path.Combine(Folder, "certs"), "*.der");

    /// <summary>The signature database a signed update carries: the bytes from 16 + dwLength to the end.</summary>
    internal static byte[] Payload(byte[] update)
    {
        var start = 16 + BitConverter.ToInt32(update, 16);
        return update.AsSpan(start).ToArray();
    }
}
