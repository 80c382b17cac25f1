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

  /** Command-line operations that need the database but not the HTTP server. */
  private static int command(String[] args) {
    String name = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (name.equals("grant-role")) {
      if (rest.length != 2 || !ROLES.contains(rest[1])) {
        System.err.println("usage: grant-role <handle> <member|moderator|admin>");
        return 2;
      }
      try (ApplicationContext ctx =
          ApplicationContext.builder().deduceEnvironment(false).args(args).start()) {
        UserView user = ctx.getBean(Accounts.class).grantRole(rest[0], rest[1]);
        System.out.println("@" + user.handle() + " is now " + user.role());
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
    System.err.println("unknown command: " + name + "\ncommands: grant-role <handle> <role>");
    return 2;
  }
}
