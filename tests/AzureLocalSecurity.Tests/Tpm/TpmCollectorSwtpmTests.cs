using System;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Transports;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm;

/// <summary>The collector against swtpm: what it files, and how many round trips it costs.</summary>
[Collection(SwtpmTests.Name)]
public sealed class TpmCollectorSwtpmTests
{
    private readonly SwtpmFixture _tpms;

    public TpmCollectorSwtpmTests(SwtpmFixture tpms) => _tpms = tpms;

    [Fact]
    public void The_identity_capture_of_a_tpm_with_two_ek_certificates_takes_ten_round_trips_and_files_every_response()
    {
        var counter = 0;
        var collector = new TpmCollector(TpmCollectionScope.Identity, _ => new Counting(TcpTpmTransport.Connect("127.0.0.1", _tpms.Provisioned.Port, TimeSpan.FromSeconds(30)), () => counter++));
        var items = collector.Collect(new CollectionContext()).ToList();
        Assert.Equal(10, counter);
        Assert.All(items, i => Assert.True(i.Succeeded, i.ToString()));
        var responses = items.Where(i => i.Kind == EvidenceKind.Blob).Sum(i => TpmResponseDecoder.Split(i.GetData()!).Count);
        Assert.Equal(10, responses);
        Assert.Contains(items, i => i.Id == TpmEvidenceIds.NvRead(0x01C00002));
    }

    private sealed class Counting(ITpmTransport inner, Action counted) : ITpmTransport
    {
        public string Description => inner.Description;

        public byte[] Submit(byte[] command)
        {
            counted();
            return inner.Submit(command);
        }

        public void Dispose() => inner.Dispose();
    }
}
