import { Link } from './components/link';
import { SignIn } from './components/sign-in';
import { searchHref, useRoute, type Route } from './router';
import { CommuneView } from './views/commune';
import { DirectiveView } from './views/directive';
import { NationView } from './views/nation';
import { ProvinceView } from './views/province';
import { SearchView } from './views/search';
import { TaskView } from './views/task';

function View(props: { route: Route }) {
  const { route } = props;
  switch (route.view) {
    case 'nation':
      return <NationView />;
    case 'directive':
      return <DirectiveView key={route.number} number={route.number} />;
    case 'task':
      return <TaskView key={route.id} id={route.id} />;
    case 'province':
      return <ProvinceView key={route.code} code={route.code} />;
    case 'commune':
      return <CommuneView key={route.code} code={route.code} />;
    case 'search':
      return <SearchView key={searchHref(route.params)} params={route.params} />;
    case 'notFound':
      return (
        <>
          <h1>Không tìm thấy trang</h1>
          <p>
            Địa chỉ {route.path} không có trong bảng theo dõi. <Link href="/">Về trang toàn quốc</Link>.
          </p>
        </>
      );
  }
}

/** The page: a header with the way home, the current view, and where developers find the API. */
export function App() {
  const route = useRoute();
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header class="site">
        <Link href="/" class="brand">
          Theo dõi thực hiện Nghị quyết 57-NQ/TW
        </Link>
        <nav aria-label="Chính">
          <Link href="/">Toàn quốc</Link>
          <Link href="/tim-kiem">Tìm kiếm</Link>
          <a href="/graphql">API GraphQL</a>
        </nav>
        <SignIn />
      </header>
      <main id="main">
        <View route={route} />
      </main>
    </>
  );
}
