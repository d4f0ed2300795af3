namespace InterviewBot.Discord.Tests.Client;

internal static class Fixture
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static IEnumerable<string> All() => System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
