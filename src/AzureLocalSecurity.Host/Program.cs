using System;
using System.IO;

namespace AzureLocalSecurity.Host;

/// <summary>alsec's entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        HostOptions options;
        try
        {
            options = HostOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("alsec: " + ex.Message);
            Console.Error.WriteLine(HostOptions.Usage);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.Out.WriteLine(HostOptions.Usage);
            return 0;
        }

        try
        {
            return new Runner(Console.Out, Console.Error).Run(options, ConsoleWidth(), plainText: Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null);
        }
        catch (FileNotFoundException ex)
        {
            Console.Error.WriteLine("alsec: " + ex.Message);
            return 1;
        }
    }

    private static int ConsoleWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("ALSEC_WIDTH"), out var w) && w >= 40)
        {
            return w;
        }

        try
        {
            return Console.IsOutputRedirected || Console.WindowWidth < 40 ? 160 : Console.WindowWidth;
        }
        catch (IOException)
        {
            return 160;
        }
    }
}
