import { Anchor, Box, Burger, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { paths } from '../../config/paths.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { PasswordChangeGate } from '../../features/auth/components/session-gates.js';
import { UserMenu } from '../../features/auth/components/user-menu.js';
import { useSessionExpiry } from '../../features/auth/hooks/use-session-expiry.js';
import { useSessionKeepAlive } from '../../features/auth/hooks/use-session-keep-alive.js';
import { LanguageSwitcher } from './language-switcher.js';
import classes from './layout.module.css';

const NAV_ITEMS = [
  { to: paths.overview, key: 'nav.overview', end: true },
  { to: paths.timeline, key: 'nav.timeline', end: false },
  { to: paths.agreements, key: 'nav.agreements', end: false },
  { to: paths.plans, key: 'nav.plans', end: false },
  { to: paths.organisations, key: 'nav.organisations', end: false },
] as const;

/** Shown only to those whose abilities include administering (the API refuses others anyway). */
const ADMIN_NAV_ITEM = {
  to: paths.adminUsers,
  key: 'nav.administration',
  end: false,
  // Users and the audit log both belong to it.
  section: '/admin/',
} as const;

function BrandMark() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="6" fill="#fff" fillOpacity="0.12" />
      <path
        d="M9 8v16h12"
        fill="none"
        stroke="#fff"
        strokeWidth="3.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="22" cy="10" r="3" fill="#f2c96d" />
    </svg>
  );
}

/** The shell around every page: skip link, header with navigation and language, main, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpened, menu] = useDisclosure(false);
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);
  useSessionKeepAlive();
  useSessionExpiry();
  const me = useMe();
  const navItems = me.data?.abilities.administer ? [...NAV_ITEMS, ADMIN_NAV_ITEM] : NAV_ITEMS;
  const inSection = (item: (typeof navItems)[number]) =>
    'section' in item && location.pathname.startsWith(item.section);

  // After moving to another page, start keyboard and screen-reader users at its content.
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    if (!location.hash) mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, location.hash]);

  const loading = navigation.state === 'loading';

  return (
    <>
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
          mainRef.current?.scrollIntoView();
        }}
      >
        {t('nav.skipToContent')}
      </a>
      {loading ? (
        <div className={classes.progress} role="progressbar" aria-label={t('common.loading')} />
      ) : null}

      <Box component="header" className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap">
              <Link to={paths.overview} className={classes.brand}>
                <BrandMark />
                <span>Liaison</span>
              </Link>
              <nav aria-label={t('nav.label')}>
                <Group
                  gap={2}
                  wrap="nowrap"
                  visibleFrom="md"
                  component="ul"
                  style={{ listStyle: 'none', margin: 0, padding: 0 }}
                >
                  {navItems.map((item) => (
                    <li key={item.to}>
                      <NavLink
                        to={item.to}
                        end={item.end}
                        className={({ isActive }) =>
                          isActive || inSection(item)
                            ? `${classes.navLink} ${classes.active}`
                            : classes.navLink
                        }
                      >
                        {t(item.key)}
                      </NavLink>
                    </li>
                  ))}
                </Group>
              </nav>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Group visibleFrom="sm">
                <LanguageSwitcher />
              </Group>
              <UserMenu />
              <Burger
                opened={menuOpened}
                onClick={menu.toggle}
                hiddenFrom="md"
                color="#fff"
                size="sm"
                aria-label={t('nav.openMenu')}
                aria-expanded={menuOpened}
              />
            </Group>
          </Group>
        </Container>
      </Box>

      <Drawer
        opened={menuOpened}
        onClose={menu.close}
        title="Liaison"
        size="xs"
        hiddenFrom="md"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="lg">
          <nav aria-label={t('nav.label')}>
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      isActive || inSection(item)
                        ? `${classes.drawerLink} ${classes.active}`
                        : classes.drawerLink
                    }
                    onClick={menu.close}
                  >
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </Stack>
          </nav>
          <LanguageSwitcher fullWidth />
        </Stack>
      </Drawer>

      <main
        id="main-content"
        ref={mainRef}
        tabIndex={-1}
        aria-busy={loading || undefined}
        className={classes.main}
      >
        <Container size="xl" py="xl">
          <PasswordChangeGate>
            <Outlet />
          </PasswordChangeGate>
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size="xl">
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t('footer.notAccredited')}
            </Text>
            <Anchor href="/api/docs" size="xs">
              {t('footer.apiDocs')}
            </Anchor>
          </Group>
        </Container>
      </footer>
      <ScrollRestoration />
    </>
  );
}
