using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
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
    /// <summary>One value of each shape a rule meets, so every operator's code runs on every input.</summary>
    private static readonly FactValue[] RuleActuals =
    [
        FactValue.FromNumber(15),
        FactValue.FromText("%SystemRoot%\\System32\\logfiles\\firewall\\domainfw.log"),
        FactValue.FromSids(["*S-1-5-32-544", "S-1-5-11"]),
        FactValue.FromPairs(
        [
            new KeyValuePair<string, string>("AccountLockoutDuration", "15"),
            new KeyValuePair<string, string>("AccountLockoutThreshold", "3"),
            new KeyValuePair<string, string>("ResetAccountLockoutCounterAfter", "15"),
        ]),
        FactValue.Absent,
    ];

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: AzureLocalSecurity.Fuzz evidence-zip|rule-expression [--replay <corpus folder>]");
            return 2;
        }

        Action<byte[]> harness = args[0] switch
        {
            "evidence-zip" => EvidenceZip,
            "rule-expression" => RuleExpressionText,
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

    /// <summary>
    /// An Expected Value from anywhere: it parses or fails with RuleSyntaxException; a parsed expression
    /// evaluates (or fails with RuleEvaluationException when a pattern runs too long), and a remedy is chosen
    /// for it from each value, which must then satisfy it.
    /// </summary>
    private static void RuleExpressionText(byte[] input)
    {
        if (!RuleParser.TryParse(Encoding.UTF8.GetString(input), out var expression, out _))
        {
            return;
        }

        _ = expression!.ToString();
        _ = RuleDescriber.Describe(expression);
        foreach (var actual in RuleActuals)
        {
            try
            {
                _ = RuleEvaluator.Matches(expression, actual);
            }
            catch (RuleEvaluationException)
            {
            }

            var kind = actual.Kind == FactValueKind.Absent ? FactValueKind.Text : actual.Kind;
            foreach (var defaultValue in new[] { null, actual.ToString() })
            {
                var choice = RuleRemedy.Choose(expression, actual, defaultValue, kind);
                if (choice.Target is not null && !RuleEvaluator.Matches(expression, choice.Target))
                {
                    throw new InvalidOperationException($"The remedy {choice.Target} chosen for {expression} does not satisfy it.");
                }
            }
        }
    }
}
