using System.Collections.Generic;
using AzureLocalSecurity.PrivilegedAccess;
using Xunit;

namespace AzureLocalSecurity.Tests.PrivilegedAccess;

public sealed class PowerShellDataFileTests
{
    [Fact]
    public void Reads_strings_arrays_nested_tables_comments_and_constants()
    {
        var table = PowerShellDataFile.Parse("""
            <# header #>
            @{
              'Quoted Key' = 'it''s'   # comment
              Plain = "a`tb"; Number = -42
              List = @('x'
                       'y', 'z')
              Flag = $TRUE
              Nothing = $null
              Inner = @{ Name = 'Restart-Service'; Parameters = @{ Name = 'Name' } }
              Here = @'
            line one
            line two
            '@
            }
            """);

        Assert.Equal("it's", table["quoted key"]);
        Assert.Equal("a\tb", table["Plain"]);
        Assert.Equal(-42L, table["Number"]);
        Assert.Equal(["x", "y", "z"], PowerShellDataFile.Strings(table["List"]));
        Assert.Equal(true, table["Flag"]);
        Assert.Null(table["Nothing"]);
        Assert.Equal("Restart-Service", ((IReadOnlyDictionary<string, object?>)table["Inner"]!)["Name"]);
        Assert.Equal("line one\nline two", table["Here"]!.ToString()!.Replace("\r", string.Empty));
    }

    [Theory]
    [InlineData("@{ A = { Get-Process } }")]
    [InlineData("@{ A = $env:PATH }")]
    [InlineData("@{ A = 'x'; A = 'y' }")]
    [InlineData("@{ A = 'open")]
    [InlineData("Get-Process")]
    [InlineData("@{ A = 1.5 }")]
    public void Refuses_what_is_not_data_with_its_offset(string text)
    {
        var ex = Assert.Throws<PowerShellDataFileException>(() => PowerShellDataFile.Parse(text));
        Assert.InRange(ex.Offset, 0, text.Length);
    }

    [Fact]
    public void Refuses_nesting_beyond_the_limit()
    {
        var text = string.Concat(System.Linq.Enumerable.Repeat("@{ A = ", 40)) + "1" + new string('}', 40);
        Assert.Throws<PowerShellDataFileException>(() => PowerShellDataFile.Parse(text));
    }
}
