using InterviewBot.Core.Questions;
using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.Practice;

/// <summary>A three-question bank whose reference answers touch no other question's key points.</summary>
public static class PracticeBank
{
    public const string TtlReference = "A TTL makes an entry expire, so stale data is dropped and memory is reclaimed.";

    public const string OffTopic = "I would ask the product owner about the deadline and write it on the whiteboard.";

    public const string CachingYaml = """
        - id: cache-ttl
          category: caching
          difficulty: easy
          tags: [cache]
          prompt: What does a TTL do?
          answer: |
            A TTL makes an entry **expire**, so stale data is dropped and memory is reclaimed.
          key_points:
            - { label: Expiry, phrases: [expire] }
            - { label: Staleness, phrases: [stale] }
            - { label: Memory, phrases: [memory] }
        - id: cache-aside
          category: caching
          difficulty: hard
          tags: [cache]
          prompt: Explain cache-aside.
          answer: |
            The application reads the cache first and loads from the database on a miss, then fills the cache.
          key_points:
            - { label: Read cache first, phrases: [reads the cache] }
            - { label: Miss, phrases: [miss] }
            - { label: Fill, phrases: [fills the cache] }

        """;

    public const string DatabasesYaml = """
        - id: db-index
          category: databases
          difficulty: easy
          tags: [index]
          prompt: What does an index cost?
          answer: |
            An index avoids a full table scan, but every insert pays extra writes and the index takes disk space.
          key_points:
            - { label: Avoids scan, phrases: [table scan, full scan] }
            - { label: Write cost, phrases: [extra writes, slower writes] }
            - { label: Disk space, phrases: [disk space] }

        """;

    /// <summary>Writes the bank into <c>questions/</c> under <paramref name="temp"/> and returns that folder.</summary>
    public static string WriteTo(TempDirectory temp)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var folder = temp.File("questions");
        Directory.CreateDirectory(folder);
        // The loader wants one file per category, named after it.
        File.WriteAllText(Path.Combine(folder, "caching.yaml"), CachingYaml);
        File.WriteAllText(Path.Combine(folder, "databases.yaml"), DatabasesYaml);
        return folder;
    }

    public static QuestionBank Load(TempDirectory temp) => QuestionBankLoader.LoadDirectory(WriteTo(temp)).ToBank();
}
