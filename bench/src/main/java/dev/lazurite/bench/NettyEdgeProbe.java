package dev.lazurite.bench;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.Ids;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.LazuriteServer;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's own pipeline behind two HTTP edges in one JVM, to price the transport alone: the
 * Helidon listener {@code lazurite serve} runs, and a Netty edge (epoll, HTTP/1.1 codec) that reads
 * a request on its event loop, runs the same pipeline on a virtual thread ({@code vthread}) or on
 * the event loop itself, blocking it for the upstream call ({@code inline}, a thread per connection
 * when there are as many loops as connections), and writes the answer with the same Azure headers.
 * Both serve the deployment {@code stub}, a pool-less openai-compatible backend on the stub
 * upstream, and the probe serves only its chat completions. Drive the two ports in turns with
 * {@code wrk}: each turn measures the same JVM, the same warm pipeline and the same upstream
 * connections.
 *
 * <p>Usage: {@code NettyEdgeProbe <data-dir> <helidon-port> <netty-port> <stub-port> [loops]
 * [vthread|inline]} (default 2 loops, {@code vthread}). Prints {@code key KEY helidon PORT netty
 * PORT} once both listen.
 */
public final class NettyEdgeProbe {
  private NettyEdgeProbe() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("dataDir", args[0]);
    flags.put("port", args[1]);
    flags.put("httpsPort", "-1");
    int nettyPort = Integer.parseInt(args[2]);
    String stub = "http://127.0.0.1:" + args[3] + "/v1";
    int loops = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    boolean inline = args.length > 5 && args[5].equals("inline");
    var config = ConfigLoader.load(flags, System.getenv(), Optional.empty());
    var server =
        LazuriteServer.start(
            config, Clock.systemUTC(), UpstreamSecrets.PROCESS, new ShippedClassifier());
    InProcessPipeline.of(
        server,
        "stub",
        Optional.of(new BackendSpec(BackendKind.OPENAI_COMPATIBLE, stub, "gpt-4o", "")));
    InProcessPipeline.of(server, "sim", Optional.empty());
    var group = new MultiThreadIoEventLoopGroup(loops, EpollIoHandler.newFactory());
    BareNettyProxy.listen(
        group,
        nettyPort,
        channel ->
            channel
                .pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(16 * 1024 * 1024))
                .addLast(new Edge(server, inline)));
    System.out.println(
        "key " + server.defaultKeys().key1() + " helidon " + args[1] + " netty " + nettyPort);
    System.out.flush();
    Thread.currentThread().join();
  }

  private static final class Edge extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final LazuriteServer server;
    private final boolean inline;

    Edge(LazuriteServer server, boolean inline) {
      this.server = server;
      this.inline = inline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      long received = System.nanoTime();
      Map<String, String> headers = new HashMap<>();
      request
          .headers()
          .forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      byte[] body = ByteBufUtil.getBytes(request.content());
      var uri = new QueryStringDecoder(request.uri());
      String path = uri.path();
      // /openai/deployments/{name}/chat/completions
      int start = "/openai/deployments/".length();
      String deployment = path.substring(start, path.indexOf('/', start));
      Map<String, String> query = new HashMap<>();
      uri.parameters().forEach((k, v) -> query.put(k, v.getFirst()));
      String apiVersion = query.getOrDefault("api-version", "");
      String requestId = Ids.requestId();
      var route = Route.modelCall(Operation.CHAT_COMPLETIONS, deployment, apiVersion);
      var exchangeRequest =
          new Exchange.Request(
              requestId,
              route,
              headers,
              query,
              body,
              Optional.empty(),
              Origin.Remote.loopback(),
              received);
      Runnable work =
          () -> {
            Outcome outcome = server.pipelines().execute(new Exchange(exchangeRequest));
            DefaultFullHttpResponse response;
            switch (outcome) {
              case Outcome.Answered answered -> {
                var json = (Response.Json) answered.response();
                response =
                    new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(json.status()),
                        Unpooled.wrappedBuffer(Json.writeWire(json.body())));
                answered.response().headers().forEach(response.headers()::set);
                answered
                    .exchange()
                    .deploymentIfKnown()
                    .ifPresent(
                        d -> response.headers().set("x-ms-deployment-name", d.deployment().name()));
              }
              case Outcome.Failed failed -> {
                response =
                    new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(failed.error().errorCode().status()),
                        Unpooled.wrappedBuffer(ErrorRenderer.render(failed.error())));
              }
            }
            var out = response.headers();
            out.set("apim-request-id", requestId);
            out.set("x-request-id", Ids.requestId());
            out.set(
                "x-ms-client-request-id",
                headers.getOrDefault("x-ms-client-request-id", requestId));
            out.set("x-ms-region", "eastus");
            out.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            out.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
          };
      if (inline) {
        work.run();
      } else {
        Thread.ofVirtual().start(work);
      }
    }
  }
}
