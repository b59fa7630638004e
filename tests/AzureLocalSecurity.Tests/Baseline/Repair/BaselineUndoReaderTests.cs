using System.IO;
using System.Text;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Repair;

public sealed class BaselineUndoReaderTests
{
    // Written to match BaselineUndoFile.Save byte for byte (fuzz/corpus/baseline-undo).
    private static string Valid() => File.ReadAllText(Path.Combine(Repo.Root, "fuzz", "corpus", "baseline-undo", "valid-every-kind.json"));

    [Fact]
    public void An_undo_record_as_Save_writes_it_is_read()
    {
        var undo = BaselineUndoFile.Parse(Encoding.UTF8.GetBytes(Valid()));

        Assert.Equal(9, undo.Entries.Count);
        Assert.Equal(FactSource.UserRight, undo.Entries[5].Fact.Source);
        Assert.Equal(FactValue.FromSids(["S-1-5-32-544", "S-1-5-11"]), undo.Entries[5].After);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Registry, UserRight")]
    public void A_source_that_is_not_a_member_name_is_refused(string source)
    {
        var json = Valid().Replace("\"source\": \"UserRight\"", "\"source\": \"" + source + "\"");

        var ex = Assert.Throws<BaselineUndoFileException>(() => BaselineUndoFile.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("unknown source", ex.Message, System.StringComparison.Ordinal);
    }
}
