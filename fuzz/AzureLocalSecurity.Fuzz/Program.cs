using System;
using System.IO;
using AzureLocalSecurity.Evidence;
using SharpFuzz;

namespace AzureLocalSecurity.Fuzz;

/// <summary>
/// <c>AzureLocalSecurity.Fuzz &lt;harness&gt;</c> runs one harness under afl++ (input on stdin, via SharpFuzz);
/// <c>AzureLocalSecurity.Fuzz &lt;harness&gt; --replay &lt;folder&gt;</c> runs every file of a corpus once, for CI.
/// A harness may only end in the parser's documented exception; anything else is a finding.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: AzureLocalSecurity.Fuzz evidence-zip [--replay <corpus folder>]");
            return 2;
        }

        Action<byte[]> harness = args[0] switch
        {
            "evidence-zip" => EvidenceZip,
            _ => throw new ArgumentException($"Unknown harness '{args[0]}'."),
        };

        if (args.Length == 3 && args[1] == "--replay")
        {
            var count = 0;
            foreach (var file in Directory.GetFiles(args[2]))
            {
                harness(File.ReadAllBytes(file));
                count++;
            }

            Console.WriteLine($"{args[0]}: replayed {count} inputs without a finding.");
            return count > 0 ? 0 : 1;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            harness(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>A bundle zip from anywhere: it reads, or it fails with EvidenceFormatException.</summary>
    private static void EvidenceZip(byte[] input)
    {
        try
        {
            var bundle = EvidenceBundleReader.ReadZip(input, "fuzz");
            foreach (var item in bundle.Items)
            {
                _ = item.GetData();
                _ = item.Registry?.Values.Count;
                _ = item.Records?.Count;
            }
        }
        catch (EvidenceFormatException)
        {
        }
    }
}
