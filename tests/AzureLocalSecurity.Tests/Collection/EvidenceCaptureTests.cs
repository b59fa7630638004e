using System;
using System.Collections.Generic;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Collection;

public class EvidenceCaptureTests
{
    [Fact]
    public void A_collector_that_throws_becomes_an_error_item_and_the_capture_goes_on()
    {
        var bundle = EvidenceCapture.Capture(
            new NodeIdentity("n", NodePlatform.Linux, "Linux", "X64"),
            "0.1.0",
            [new ThrowingCollector(), new LinuxSystemCollectorStub()],
            new CollectionContext("/", () => Bundles.Time));

        var failed = bundle.Find("collector/Throwing")!;
        Assert.Equal(EvidenceErrorCategory.Failed, failed.Error!.Category);
        Assert.Contains("disk on fire", failed.Error.Message);
        Assert.NotNull(bundle.Find("stub/fact"));
    }

    [Fact]
    public void The_Windows_collector_reads_its_three_facts_on_Windows_and_reports_not_supported_elsewhere()
    {
        var items = new List<EvidenceItem>(new WindowsSystemCollector().Collect(new CollectionContext("/", () => Bundles.Time)));

        Assert.Equal(
            [EvidenceIds.Registry(EvidenceIds.WindowsCurrentVersionKey), EvidenceIds.WindowsFirmwareType, EvidenceIds.WindowsJoinInformation],
            items.ConvertAll(i => i.Id));
        if (OperatingSystem.IsWindows())
        {
            Assert.All(items, i => Assert.NotEqual(EvidenceErrorCategory.NotSupported, i.Error?.Category));
        }
        else
        {
            Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        }
    }

    private sealed class ThrowingCollector : IEvidenceCollector
    {
        public string Name => "Throwing";

        public IEnumerable<EvidenceItem> Collect(CollectionContext context) => throw new InvalidOperationException("disk on fire");
    }

    private sealed class LinuxSystemCollectorStub : IEvidenceCollector
    {
        public string Name => "Stub";

        public IEnumerable<EvidenceItem> Collect(CollectionContext context) => [EvidenceItem.ForText("stub/fact", "test", context.Clock(), "x")];
    }
}
