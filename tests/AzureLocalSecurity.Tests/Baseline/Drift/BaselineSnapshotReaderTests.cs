using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Drift;

public sealed class BaselineSnapshotReaderTests
{
    // Written to match BaselineSnapshot.Save byte for byte (fuzz/corpus/baseline-snapshot).
    private static string Valid() => File.ReadAllText(Path.Combine(Repo.Root, "fuzz", "corpus", "baseline-snapshot", "valid-2610-domjoin.json"));

    private static BaselineSnapshot Parse(string json) => BaselineSnapshot.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_snapshot_as_Save_writes_it_is_read()
    {
        var snapshot = Parse(Valid());

        Assert.Equal(BaselineProfile.DomainJoined, snapshot.Profile);
        Assert.Equal(CheckStatus.NonCompliant, snapshot.Entries.Single(e => e.RuleName == "UserRightsAccessFromNetwork").Status);
    }

    [Fact]
    public void Data_after_the_snapshot_is_refused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Parse(Valid() + "\n{\"kind\":\"AzureLocalSecurity.BaselineSnapshot\"}"));

        Assert.Contains("after", ex.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Compliant, NonCompliant")]
    [InlineData(" NonCompliant")]
    public void A_status_that_is_not_a_member_name_is_refused(string status)
    {
        var json = Valid().Replace("\"status\": \"NonCompliant\"", "\"status\": \"" + status + "\"");

        var ex = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains("unknown status", ex.Message, System.StringComparison.Ordinal);
    }
}
