using System.Xml.Linq;
using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Tests;

/// <summary>Core is the pure domain: no Discord client, no SQL, no scheduler, no web stack.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden =
        ["InterviewBot.Discord", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Dapper", "Quartz", "Microsoft.AspNetCore", "InterviewBot"];

    [Fact]
    public void CoreAssembly_ReferencesNoForbiddenAssembly()
    {
        var references = typeof(Question).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => Forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void CoreProject_DeclaresNoForbiddenReference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "InterviewBot.Core", "InterviewBot.Core.csproj"));
        var included = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .ToList();

        Assert.DoesNotContain(included, include => Forbidden.Any(f => include.Contains(f, StringComparison.OrdinalIgnoreCase) && !include.Contains("InterviewBot.Core", StringComparison.Ordinal)));
        Assert.DoesNotContain(included, include => include.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || include.Contains("Discord", StringComparison.OrdinalIgnoreCase));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InterviewBot.sln not found above the test assembly");
    }
}
