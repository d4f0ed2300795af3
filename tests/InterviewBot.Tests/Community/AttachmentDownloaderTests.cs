using System.Net;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Community;

namespace InterviewBot.Tests.Community;

public sealed class AttachmentDownloaderTests
{
    [Fact]
    public async Task Download_SmallFile_ReturnsItsBytes()
    {
        var downloader = new AttachmentDownloader(new FixedFactory(new byte[100], declareLength: true));

        var bytes = await downloader.DownloadAsync(Attachment(100), CancellationToken.None);

        Assert.Equal(100, bytes?.Length);
    }

    [Fact]
    public async Task Download_DeclaredOverOneMegabyte_IsRefusedWithoutARequest()
    {
        var factory = new FixedFactory([], declareLength: true);

        Assert.Null(await new AttachmentDownloader(factory).DownloadAsync(Attachment(AttachmentDownloader.MaxBytes + 1), CancellationToken.None));
        Assert.Equal(0, factory.Requests);
    }

    [Fact]
    public async Task Download_BodyLargerThanDeclaredAndWithoutContentLength_IsRefusedWhileReading()
    {
        var downloader = new AttachmentDownloader(new FixedFactory(new byte[AttachmentDownloader.MaxBytes + 10], declareLength: false));

        Assert.Null(await downloader.DownloadAsync(Attachment(10), CancellationToken.None));
    }

    private static Attachment Attachment(long size) =>
        new() { Id = new Snowflake(1), Filename = "q.yaml", Size = size, Url = "https://cdn.example.test/attachments/1/q.yaml" };

    private sealed class FixedFactory(byte[] body, bool declareLength) : IHttpClientFactory
    {
        public int Requests { get; private set; }

        public HttpClient CreateClient(string name) => new(new Handler(this, body, declareLength));

        private sealed class Handler(FixedFactory owner, byte[] body, bool declareLength) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                owner.Requests++;
                HttpContent content = declareLength ? new ByteArrayContent(body) : new StreamContent(new NonSeekableStream(body));
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }
        }
    }

    /// <summary>A stream that cannot tell its length, so the response has no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
