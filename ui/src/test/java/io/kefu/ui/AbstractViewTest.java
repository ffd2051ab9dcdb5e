package io.kefu.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Members;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.security.Authentication;
import io.kefu.platform.security.KefuAuthenticationMechanism;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.security.LoginOutcome;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.Tenants;
import io.kefu.ui.home.HomeView;
import io.kefu.ui.i18n.KefuI18NProvider;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.login.LoginView;
import io.kefu.ui.queue.QueueFakes;
import io.kefu.ui.queue.QueuesView;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Profiles;
import io.kefu.ui.shell.Inbox;
import io.kefu.ui.shell.InboxItem;

/**
 * Views without a browser (Karibu Testing): a mocked Vaadin with every {@code @Route} of
 * {@code io.kefu.ui} registered, views built as CDI would build them but with in-memory fakes
 * of the platform's services, and Kefu's I18NProvider. Each test starts logged out, in English.
 */
public abstract class AbstractViewTest {

    protected static final TenantCode SF = new TenantCode("sf-demo");
    protected static final Caller.TenantUser SUPERVISOR = new Caller.TenantUser(SF, "wxm", Role.SUPERVISOR);

    protected final FakeAuthentication authentication = new FakeAuthentication();
    protected final FakeMembers members = new FakeMembers();
    protected final FakeTenants tenants = new FakeTenants();
    protected final CurrentUser currentUser = new CurrentUser();
    protected final FakeInbox inbox = new FakeInbox();
    /** Delivers on the publishing thread: publish, then {@code MockVaadin.clientRoundtrip()}. */
    protected final TicketFeed feed = TicketFeed.direct(new TenantContext(), new CallerContext());

    @BeforeEach
    void setUpVaadin() {
        Routes routes = new Routes().autoDiscoverViews("io.kefu.ui");
        MockVaadin.setup(MockedUI::new, new KefuTestServlet(routes, this));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        members.add(member("wxm", "王小明", Role.SUPERVISOR));
        tenants.add(Tenant.beginProvisioning(SF, "顺丰示例", Industry.EXPRESS, "basic", "admin@sf-demo.cn"));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    private final Map<Class<?>, Supplier<?>> provided = new HashMap<>();

    /**
     * How a feature's test builds a view (or any bean Vaadin asks for) from its fakes, as CDI
     * would with the real services. Called in the test's {@code @BeforeEach}, before navigating.
     */
    protected <T> void provide(Class<T> type, Supplier<? extends T> factory) {
        provided.put(type, factory);
    }

    /** What CDI would inject; {@code null} for classes Vaadin builds itself. */
    Object create(Class<?> type) {
        Supplier<?> factory = provided.get(type);
        if (factory != null) {
            return factory.get();
        }
        if (type == LoginView.class) {
            return new LoginView(authentication, currentUser);
        }
        if (type == MainLayout.class) {
            return new MainLayout(authentication, currentUser, new Profiles(members, tenants), inbox, feed);
        }
        if (type == HomeView.class) {
            return new HomeView(currentUser, new Profiles(members, tenants));
        }
        if (type == QueuesView.class) {
            // The root route: tests of other views pass through it (the queue tests provide their own).
            return QueueFakes.emptyView(currentUser);
        }
        return null;
    }

    /** As the platform's login does: the caller is kept in the HTTP session. */
    protected static void logIn(Caller caller) {
        VaadinSession.getCurrent().getSession().setAttribute(KefuAuthenticationMechanism.SESSION_CALLER, caller);
    }

    /** The URL the UI asked the browser to load with {@code Page.setLocation}, if it did. */
    protected static Optional<String> requestedLocation() {
        List<PendingJavaScriptInvocation> pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        return pending.stream()
                .filter(i -> i.getInvocation().getExpression().contains("window.open"))
                .map(i -> String.valueOf(i.getInvocation().getParameters().get(0)))
                .findFirst();
    }

    public static Member member(String username, String displayName, Role role) {
        return new Member() {
            @Override
            public String username() {
                return username;
            }

            @Override
            public String displayName() {
                return displayName;
            }

            @Override
            public Role role() {
                return role;
            }
        };
    }

    /** Records logins and logouts; answers logins with {@link #outcome}. */
    public static class FakeAuthentication extends Authentication {
        public LoginOutcome outcome = new LoginOutcome.Refused(FieldError.of(FIELD_PASSWORD, "login.failed"));
        public final List<List<String>> attempts = new ArrayList<>();
        public int logouts;

        @Override
        public LoginOutcome login(HttpServletRequest request, HttpServletResponse response,
                                  String tenant, String username, String password) {
            if (request == null || response == null) {
                throw new IllegalArgumentException("The servlet request and response are needed to log in");
            }
            attempts.add(List.of(tenant, username, password));
            if (outcome instanceof LoginOutcome.Success success) {
                request.getSession(true).setAttribute(KefuAuthenticationMechanism.SESSION_CALLER, success.caller());
            }
            return outcome;
        }

        @Override
        public void logout(HttpServletRequest request) {
            logouts++;
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(KefuAuthenticationMechanism.SESSION_CALLER);
            }
        }
    }

    public static class FakeMembers extends Members {
        private final Map<String, Member> byUsername = new HashMap<>();

        public void add(Member member) {
            byUsername.put(member.username(), member);
        }

        public void clear() {
            byUsername.clear();
        }

        @Override
        public Optional<Member> byUsername(String username) {
            return Optional.ofNullable(byUsername.get(username));
        }
    }

    public static class FakeTenants extends Tenants {
        private final Map<TenantCode, Tenant> byCode = new HashMap<>();

        public void add(Tenant tenant) {
            byCode.put(tenant.code(), tenant);
        }

        public void clear() {
            byCode.clear();
        }

        @Override
        public Optional<Tenant> find(TenantCode code) {
            return Optional.ofNullable(byCode.get(code));
        }
    }

    /** A user's notifications in memory, newest first as added. */
    public static class FakeInbox extends Inbox {
        public final Map<String, List<InboxItem>> byUser = new HashMap<>();
        public int reads;

        public FakeInbox() {
            super(null);
        }

        public void add(String username, InboxItem item) {
            byUser.computeIfAbsent(username, u -> new ArrayList<>()).add(0, item);
        }

        @Override
        public long unread(Caller.TenantUser user) {
            reads++;
            return latest(user).stream().filter(i -> !i.read()).count();
        }

        @Override
        public List<InboxItem> latest(Caller.TenantUser user) {
            return List.copyOf(byUser.getOrDefault(user.username(), List.of()));
        }

        @Override
        public void markRead(Caller.TenantUser user, String id) {
            byUser.getOrDefault(user.username(), new ArrayList<>()).replaceAll(i -> i.id().equals(id) ? read(i) : i);
        }

        @Override
        public void markAllRead(Caller.TenantUser user) {
            byUser.getOrDefault(user.username(), new ArrayList<>()).replaceAll(FakeInbox::read);
        }

        private static InboxItem read(InboxItem i) {
            return new InboxItem(i.id(), i.kind(), i.ticketNumber(), i.subject(), i.target(), i.createdAt(), true);
        }
    }

    /** Karibu's servlet with an instantiator that builds Kefu's views from the test's fakes. */
    static final class KefuTestServlet extends MockVaadinServlet {
        private final transient AbstractViewTest test;
        private final transient I18NProvider i18n = new KefuI18NProvider();

        KefuTestServlet(Routes routes, AbstractViewTest test) {
            super(routes, MockedUI::new);
            this.test = test;
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
            MockService service = new MockService(this, configuration, getUiFactory()) {
                @Override
                protected Instantiator createInstantiator() {
                    return new DefaultInstantiator(this) {
                        @Override
                        public <T> T getOrCreate(Class<T> type) {
                            Object view = test.create(type);
                            return view != null ? type.cast(view) : super.getOrCreate(type);
                        }

                        @Override
                        public I18NProvider getI18NProvider() {
                            return i18n;
                        }
                    };
                }
            };
            service.init();
            getRoutes().register((VaadinServletContext) service.getContext());
            return service;
        }
    }
}
