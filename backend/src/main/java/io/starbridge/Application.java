package io.starbridge;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.starbridge.account.Accounts;
import io.starbridge.account.UserView;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.util.Arrays;
import java.util.Set;

@OpenAPIDefinition(
    info =
        @Info(
            title = "starbridge",
            version = "0.1.0",
            description = "Starbridge (星桥) REST API. Errors are application/problem+json."))
public class Application {
  private static final Set<String> ROLES = Set.of("member", "moderator", "admin");

  public static void main(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      System.exit(command(args));
    }
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
  }

  private static ApplicationContext context(String[] args) {
    return ApplicationContext.builder().deduceEnvironment(false).args(args).start();
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
      }
    }
    return fallback;
  }

  /** Command-line operations that need the database but not the HTTP server. */
  private static int command(String[] args) {
    String name = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (name.equals("grant-role")) {
      if (rest.length != 2 || !ROLES.contains(rest[1])) {
        System.err.println("usage: grant-role <handle> <member|moderator|admin>");
        return 2;
      }
      try (ApplicationContext ctx = context(args)) {
        UserView user = ctx.getBean(Accounts.class).grantRole(rest[0], rest[1]);
        System.out.println("@" + user.handle() + " is now " + user.role());
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
    if (name.equals("seed-demo")) {
      try (ApplicationContext ctx = context(args)) {
        ctx.getBean(io.starbridge.demo.DemoSeeder.class).seed(System.out);
        return 0;
      }
    }
    if (name.equals("generate")) {
      int users = intOption(rest, "--users", 10_000);
      int topics = intOption(rest, "--topics", 100_000);
      int posts = intOption(rest, "--posts", 1_000_000);
      try (ApplicationContext ctx = context(args)) {
        ctx.getBean(io.starbridge.demo.BulkGenerator.class)
            .generate(users, topics, posts, System.out);
        return 0;
      }
    }
    if (name.equals("rebuild-search")) {
      try (ApplicationContext ctx = context(args)) {
        String dir = ctx.getProperty("starbridge.search.dir", String.class).orElse("");
        java.nio.file.Path root = io.starbridge.search.SearchIndex.resolveRoot(dir);
        System.out.println("Rebuilding the search index in " + root);
        String gen =
            ctx.getBean(io.starbridge.search.SearchRebuild.class)
                .build(root, io.starbridge.search.SearchRebuild.bar(System.out));
        System.out.println(
            "Index generation " + gen + " is current; a running server switches to it by itself.");
        return 0;
      } catch (java.io.IOException e) {
        System.err.println("rebuild failed: " + e.getMessage());
        return 1;
      }
    }
    if (name.equals("rebuild-feeds")) {
      try (ApplicationContext ctx = context(args)) {
        ctx.getBean(io.starbridge.feed.FeedRebuild.class).run(System.out);
        return 0;
      }
    }
    if (name.equals("registry-audit")) {
      try (ApplicationContext ctx = context(args)) {
        var result =
            ctx.getBean(io.starbridge.registry.RegistryAudit.class).run(System.out::println);
        if (result.ok()) {
          System.out.println("OK: " + result.checked() + " entries, chain and signatures intact");
          return 0;
        }
        System.out.println(
            "BROKEN at entry "
                + result.brokenSeq()
                + ": "
                + result.problem()
                + " ("
                + result.checked()
                + " entries before it are intact)");
        return 1;
      }
    }
    if (name.equals("registry-rotate-key")) {
      try (ApplicationContext ctx = context(args)) {
        var key = ctx.getBean(io.starbridge.registry.RegistryKeys.class).rotate();
        System.out.println("new registry signing key " + key.keyId());
        return 0;
      }
    }
    System.err.println(
        "unknown command: "
            + name
            + "\ncommands:\n  grant-role <handle> <member|moderator|admin>\n"
            + "  rebuild-feeds                                   rebuild every home feed and hot list in Redis\n"
            + "  seed-demo                                       a small bilingual demo community\n"
            + "  generate [--users N] [--topics N] [--posts N]   large synthetic data set for benchmarks\n"
            + "  rebuild-search                                  rebuild the search index from the database\n"
            + "  registry-audit                                  recompute the registry chain and signatures\n"
            + "  registry-rotate-key                             retire the registry signing key, start a new one");
    return 2;
  }
}
