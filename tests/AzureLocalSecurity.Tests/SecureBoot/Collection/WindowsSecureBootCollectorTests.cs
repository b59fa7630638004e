using System.Runtime.Versioning;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Collection;

/// <summary>
/// What a failed GetFirmwareEnvironmentVariableExW means (WINAPI.md §1.1). The call itself needs Windows; the mapping
/// from its error codes to evidence is pure and is what these tests check.
/// </summary>
[SupportedOSPlatform("windows")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "CA1416", Justification = "Only the pure error mapping runs; it calls no Windows API.")]
public sealed class WindowsSecureBootCollectorTests
{
    [Theory]
    [InlineData(203, EvidenceErrorCategory.NotFound, "ERROR_ENVVAR_NOT_FOUND")]
    [InlineData(1, EvidenceErrorCategory.NotSupported, "legacy BIOS")]
    [InlineData(1314, EvidenceErrorCategory.AccessDenied, "SeSystemEnvironmentPrivilege")]
    [InlineData(998, EvidenceErrorCategory.Failed, "Win32 error 998")]
    public void A_failed_read_is_filed_as_what_the_error_code_means(int error, EvidenceErrorCategory category, string words)
    {
        var failure = WindowsSecureBootCollector.Failure(error, null);
        Assert.Equal(category, failure.Category);
        Assert.Equal(error, failure.Code);
        Assert.Contains(words, failure.Message, System.StringComparison.Ordinal);
    }
}
