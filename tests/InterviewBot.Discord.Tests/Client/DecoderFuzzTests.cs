using System.Text;
using InterviewBot.Discord.Gateway;

namespace InterviewBot.Discord.Tests.Client;

public sealed class DecoderFuzzTests
{
    private static readonly string[] Replacements = ["null", "0", "-1", "\"\"", "\"x\"", "[]", "{}", "true", "1e400", "18446744073709551616", "\"\\ud800\""];

    [Fact]
    public void Decoder_RandomMutationsOfEveryFixture_NeverThrow()
    {
        var random = new Random(20261201);
        var decoded = 0;
        foreach (var name in Fixture.All())
        {
            var original = Fixture.Text(name);
            for (var i = 0; i < 300; i++)
            {
                var mutated = Mutate(original, random);
                var exception = Record.Exception(() =>
                {
                    if (GatewayPayloadDecoder.TryDecodeEnvelope(mutated, out var envelope, out _)
                        && GatewayPayloadDecoder.TryDecodeDispatch(envelope.EventName, envelope.Data, 0, out var gatewayEvent, out _)
                        && gatewayEvent is not null)
                    {
                        decoded++;
                    }
                });
                Assert.Null(exception);
            }
        }

        // Many mutations land in ignored fields, so some must still decode: the fuzzer is not only producing garbage.
        Assert.True(decoded > 0);
    }

    internal static byte[] Mutate(string json, Random random)
    {
        var text = json;
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length);
            text = random.Next(6) switch
            {
                0 => text[..at],
                1 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
                2 => text.Insert(at, Replacements[random.Next(Replacements.Length)]),
                3 => ReplaceValue(text, at, random),
                4 => text.Insert(at, ((char)random.Next(32, 127)).ToString()),
                _ => text,
            };
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(5) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    private static string ReplaceValue(string text, int at, Random random)
    {
        var colon = text.IndexOf(':', at);
        if (colon < 0)
        {
            return text;
        }

        var end = text.IndexOfAny([',', '}', ']'], colon + 1);
        if (end < 0)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, colon + 1), Replacements[random.Next(Replacements.Length)], text.AsSpan(end));
    }
}
