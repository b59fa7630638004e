using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline.Catalog;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Catalog;

public sealed class CsvTableTests
{
    [Fact]
    public void Blank_lines_cost_no_allocation_beyond_the_decoded_text()
    {
        // Each line used to allocate a field list and a buffer: ~190 bytes per newline, 1.5 GB for 8 MB of them.
        var data = Encoding.UTF8.GetBytes("Name,Expected Value\n" + new string('\n', 1_000_000) + "r,Equals(1)\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var table = CsvTable.Parse(data, "blank.csv");

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("r", table.Rows.Single().Fields[0]);
        Assert.True(allocated < 3L * data.Length, $"{allocated} bytes allocated for {data.Length} bytes of input");
    }
}
