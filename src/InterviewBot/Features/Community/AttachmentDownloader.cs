using InterviewBot.Discord.Entities;

namespace InterviewBot.Features.Community;

/// <summary>Downloads a member's attachment (an import file) from the URL Discord gave, refusing anything over <see cref="MaxBytes"/>.</summary>
public sealed class AttachmentDownloader(IHttpClientFactory httpFactory)
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The named HttpClient (20 s timeout), created per download so handlers rotate.</summary>
    public const string HttpClientName = "community-attachments";

    /// <summary>The bytes, or null when the file is larger than <see cref="MaxBytes"/>.</summary>
    public async Task<byte[]?> DownloadAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.Size > MaxBytes || attachment.Url is null)
        {
            return null;
        }

        using var http = httpFactory.CreateClient(HttpClientName);
        using var response = await http.GetAsync(new Uri(attachment.Url), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            return null;
        }

        // The declared size is the client's word: count what actually arrives.
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
