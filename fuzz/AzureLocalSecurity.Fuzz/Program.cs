using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
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

    /// <summary>What any input may allocate in a bounded harness, whatever its size (first-use caches included).</summary>
    private const long AllocationAllowance = 8L * 1024 * 1024;

    /// <summary>
    /// What each input byte may add. The baseline readers keep a model of what they read (a rule is ~1.5 KiB of
    /// objects, a JSON token ~70 bytes), so a cost linear in the input passes and a blow-up does not.
    /// </summary>
    private const long AllocationPerInputByte = 1024;

    /// <summary>Every way a catalog is read: the profile the file implies, and each profile asked for.</summary>
    private static readonly BaselineProfile?[] CatalogProfiles = [null, BaselineProfile.DomainJoined, BaselineProfile.AdLess];

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: AzureLocalSecurity.Fuzz evidence-zip|rule-expression|baseline-csv|baseline-undo|baseline-snapshot [--replay <corpus folder>]");
            return 2;
        }

        // Each harness says whether the input was read (true) or rejected with the parser's own exception (false).
        Func<byte[], bool> harness = args[0] switch
        {
            "evidence-zip" => EvidenceZip,
            "rule-expression" => RuleExpressionText,
            "baseline-csv" => Bounded(BaselineCsv),
            "baseline-undo" => Bounded(BaselineUndo),
            "baseline-snapshot" => Bounded(BaselineSnapshotJson),
            _ => throw new ArgumentException($"Unknown harness '{args[0]}'."),
        };

        if (args.Length == 3 && args[1] == "--replay")
        {
            return Replay(args[0], harness, args[2]);
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            _ = harness(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>
    /// The harness, failing also when one input allocates more than <see cref="AllocationAllowance"/> plus
    /// <see cref="AllocationPerInputByte"/> per byte: afl++ runs without a memory limit, so this is where a parser
    /// that allocates more than its input justifies shows up as a crash.
    /// </summary>
    private static Func<byte[], bool> Bounded(Func<byte[], bool> harness) => input =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = harness(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationAllowance + (AllocationPerInputByte * input.Length))
        {
            throw new InvalidOperationException($"{allocated} bytes allocated for an input of {input.Length} bytes.");
        }

        return read;
    };

    /// <summary>
    /// Runs every file of a corpus through the harness and says how many were read and rejected, and the slowest and
    /// the most allocating input, so a parser that costs more than its input justifies shows before a campaign does.
    /// </summary>
    private static int Replay(string name, Func<byte[], bool> harness, string folder)
    {
        var files = Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        int read = 0, rejected = 0;
        var slowest = (File: string.Empty, Milliseconds: 0.0);
        var hungriest = (File: string.Empty, Bytes: 0L, Size: 0);
        foreach (var file in files)
        {
            _ = harness(File.ReadAllBytes(file));
        }

        // Measured on a second pass, once the code is compiled and the caches are filled.
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var ok = harness(input);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (ok)
            {
                read++;
            }
            else
            {
                rejected++;
            }

            if (elapsed > slowest.Milliseconds)
            {
                slowest = (Path.GetFileName(file), elapsed);
            }

            if (allocated > hungriest.Bytes)
            {
                hungriest = (Path.GetFileName(file), allocated, input.Length);
            }
        }

        Console.WriteLine(
            $"{name}: replayed {files.Length} inputs without a finding ({read} read, {rejected} rejected); "
            + $"slowest {slowest.File} {slowest.Milliseconds:0.0} ms; most allocating {hungriest.File} {hungriest.Bytes / 1024} KiB for {hungriest.Size} bytes.");
        return files.Length > 0 ? 0 : 1;
    }

    /// <summary>A bundle zip from anywhere: it reads, or it fails with EvidenceFormatException.</summary>
    private static bool EvidenceZip(byte[] input)
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

            return true;
        }
        catch (EvidenceFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// An Expected Value from anywhere: it parses or fails with RuleSyntaxException; a parsed expression
    /// evaluates (or fails with RuleEvaluationException when a pattern runs too long), and a remedy is chosen
    /// for it from each value, which must then satisfy it.
    /// </summary>
    private static bool RuleExpressionText(byte[] input)
    {
        if (!RuleParser.TryParse(Encoding.UTF8.GetString(input), out var expression, out _))
        {
            return false;
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

        return true;
    }

    /// <summary>
    /// A catalog CSV from anywhere, read as the file says and as each profile: it reads, or it fails with
    /// BaselineCatalogException. Every rule's columns and parsed expression are touched, and the catalog finds
    /// each rule by its name.
    /// </summary>
    private static bool BaselineCsv(byte[] input)
    {
        var anyRead = false;
        foreach (var profile in CatalogProfiles)
        {
            BaselineCatalog catalog;
            try
            {
                catalog = BaselineCatalogReader.Read(input, "fuzz.csv", profile);
            }
            catch (BaselineCatalogException)
            {
                continue;
            }

            anyRead = true;
            _ = catalog.ToString();
            _ = catalog.InvalidRuleCount;
            foreach (var rule in catalog.Rules)
            {
                _ = string.Concat(
                    rule.Name, rule.RuleId, rule.ExtraId, rule.ControlName, rule.Description, rule.Category, rule.Severity,
                    rule.Applicability, rule.Scenario, rule.CspName, rule.CspPath, rule.CspValueType, rule.RegistryKey,
                    rule.RegistryValueName, rule.RegistryValueType, rule.DefaultValue, rule.AllowedValue, rule.ExpectedValue,
                    rule.Validation, rule.CisRuleId, rule.CisControl, rule.StigId, rule.Nist80053, rule.SecurityImpact,
                    rule.ChangeRiskLevel, rule.CustomizationPosture, rule.Release, rule.SourceName, rule.LegacyType,
                    rule.LegacyLocation, rule.LegacyValueName);
                _ = string.Join(", ", rule.References);
                _ = rule.ToString();
                _ = rule.Profile;
                _ = rule.LineNumber;
                if ((rule.Expression is null) == (rule.ExpressionError is null))
                {
                    throw new InvalidOperationException($"Rule {rule.Name} has both or neither of an expression and an expression error.");
                }

                if (rule.Expression is not null)
                {
                    _ = rule.Expression.ToString();
                    _ = RuleDescriber.Describe(rule.Expression);
                }

                if (!ReferenceEquals(catalog.Find(rule.Name), rule))
                {
                    throw new InvalidOperationException($"The catalog does not find rule {rule.Name} by its name.");
                }
            }
        }

        return anyRead;
    }

    /// <summary>An undo record from anywhere: it reads, or it fails with BaselineUndoFileException.</summary>
    private static bool BaselineUndo(byte[] input)
    {
        try
        {
            var file = BaselineUndoFile.Parse(input);
            _ = string.Concat(file.NodeName, file.ModuleVersion, file.Location);
            _ = file.CreatedAt.ToString("o", CultureInfo.InvariantCulture);
            foreach (var entry in file.Entries)
            {
                _ = string.Concat(entry.RuleName, entry.Fact.ToString(), entry.RegistryType, entry.Before.ToString(), entry.After.ToString());
            }

            return true;
        }
        catch (BaselineUndoFileException)
        {
            return false;
        }
    }

    /// <summary>A drift snapshot from anywhere: it reads, or it fails with InvalidDataException.</summary>
    private static bool BaselineSnapshotJson(byte[] input)
    {
        try
        {
            var snapshot = BaselineSnapshot.Parse(input);
            _ = string.Concat(snapshot.NodeName, snapshot.Release, snapshot.CatalogSource, snapshot.Location, snapshot.Profile?.ToString());
            _ = snapshot.TakenAt.ToString("o", CultureInfo.InvariantCulture);
            foreach (var entry in snapshot.Entries)
            {
                _ = string.Concat(entry.RuleName, entry.Status.ToString(), entry.Actual?.ToString(), entry.Source);
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
